namespace Portal.Domain.Warehouse;

/// <summary>One confirmed shipment of one sales order line's allocated units.</summary>
public class Shipment : Common.Entity
{
    private Shipment() { }

    public Shipment(int salesOrderId, int salesOrderLineId, int quantity, string shippedBy, DateTimeOffset shippedAt)
    {
        SalesOrderId = salesOrderId;
        SalesOrderLineId = salesOrderLineId;
        Quantity = Common.Guard.Quantity(quantity, "Shipped quantity");
        ShippedBy = Common.Guard.Required(shippedBy, "Shipped by", 256);
        ShippedAt = shippedAt;
    }

    public int SalesOrderId { get; private set; }
    public int SalesOrderLineId { get; private set; }
    public int Quantity { get; private set; }
    public string ShippedBy { get; private set; } = "";
    public DateTimeOffset ShippedAt { get; private set; }
}
