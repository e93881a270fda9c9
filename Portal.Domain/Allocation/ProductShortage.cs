namespace Portal.Domain.Allocation;

/// <summary>
/// What one product in one warehouse is short, as the allocation run leaves it (docs/quantities-and-states.md#figures):
/// a row exists while some line waits (backordered &gt; 0). Backordered units, the lines and customers waiting, value at
/// risk and the need date come from the waiting lines; available from stock less what is reserved; on order and the next PO date
/// from open purchase order lines; uncovered is backordered − available − on order, never below 0. The run writes these
/// in its own transaction, so the shortage board and the Purchasing home read rows instead of adding up every line.
/// </summary>
public sealed class ProductShortage
{
    private ProductShortage() { }

    public ProductShortage(int productId, int warehouseId)
    {
        ProductId = productId;
        WarehouseId = warehouseId;
    }

    public int ProductId { get; private set; }
    public int WarehouseId { get; private set; }
    public int Backordered { get; private set; }

    /// <summary>How many lines wait: the backorders board counts its rows from these.</summary>
    public int Lines { get; private set; }

    public int Customers { get; private set; }
    public decimal ValueAtRisk { get; private set; }
    public DateOnly NeedDate { get; private set; }
    public int Available { get; private set; }
    public int OnOrder { get; private set; }
    public int Uncovered { get; private set; }
    public DateOnly? NextPoDate { get; private set; }

    /// <summary>Sets every figure; uncovered follows from the others.</summary>
    public void Set(
        int backordered, int lines, int customers, decimal valueAtRisk, DateOnly needDate, int available, int onOrder, DateOnly? nextPoDate)
    {
        (Backordered, Lines, Customers, ValueAtRisk, NeedDate) = (backordered, lines, customers, valueAtRisk, needDate);
        (Available, OnOrder, NextPoDate) = (Math.Max(0, available), onOrder, nextPoDate);
        Uncovered = Math.Max(0, Backordered - Available - OnOrder);
    }

    public void CopyFrom(ProductShortage other) =>
        Set(other.Backordered, other.Lines, other.Customers, other.ValueAtRisk, other.NeedDate, other.Available, other.OnOrder, other.NextPoDate);
}
