namespace Portal.Domain.Warehouse;

/// <summary>Goods received against one purchase order line.</summary>
public class Receipt : Common.Entity
{
    private Receipt() { }

    public Receipt(int purchaseOrderLineId, int quantity, string receivedBy, DateTimeOffset receivedAt)
    {
        PurchaseOrderLineId = purchaseOrderLineId;
        Quantity = Common.Guard.Quantity(quantity, "Received quantity");
        ReceivedBy = Common.Guard.Required(receivedBy, "Received by", 256);
        ReceivedAt = receivedAt;
    }

    public int PurchaseOrderLineId { get; private set; }
    public int Quantity { get; private set; }
    public string ReceivedBy { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }
}
