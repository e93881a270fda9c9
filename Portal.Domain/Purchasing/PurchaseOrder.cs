using Portal.Domain.Common;

namespace Portal.Domain.Purchasing;

public class PurchaseOrder : Entity
{
    private readonly List<PurchaseOrderLine> lines = [];

    private PurchaseOrder() { }

    public PurchaseOrder(int supplierId, int warehouseId, string createdBy, DateTimeOffset createdAt)
    {
        SupplierId = supplierId;
        WarehouseId = warehouseId;
        CreatedBy = Guard.Required(createdBy, "Created by", 256);
        CreatedAt = createdAt;
    }

    public string Number => Format(Id);
    public int SupplierId { get; private set; }
    public Catalog.Supplier Supplier { get; private set; } = null!;
    public int WarehouseId { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public PurchaseOrderStatus Status { get; private set; }
    public IReadOnlyList<PurchaseOrderLine> Lines => lines;

    public static string Format(int id) => $"PO-{id:D6}";

    public PurchaseOrderLine AddLine(int productId, int quantity, DateOnly expectedDate, decimal unitCost = 0)
    {
        EnsureOpen();
        var line = new PurchaseOrderLine(lines.Count == 0 ? 1 : lines.Max(l => l.LineNumber) + 1, productId, quantity, expectedDate, unitCost);
        lines.Add(line);
        return line;
    }

    public PurchaseOrderLine Line(int lineNumber) =>
        lines.SingleOrDefault(l => l.LineNumber == lineNumber)
        ?? throw new DomainException($"{Number} has no line {lineNumber}.");

    public void Receive(int lineNumber, int quantity)
    {
        EnsureOpen();
        Line(lineNumber).Receive(quantity);
        if (lines.All(l => l.Open == 0))
        {
            Status = PurchaseOrderStatus.Received;
        }
    }

    public void ChangeExpectedDate(int lineNumber, DateOnly expectedDate)
    {
        EnsureOpen();
        Line(lineNumber).ChangeExpectedDate(expectedDate);
    }

    public void ChangeQuantity(int lineNumber, int quantity)
    {
        EnsureOpen();
        Line(lineNumber).ChangeQuantity(quantity);
    }

    public void Cancel()
    {
        EnsureOpen();
        foreach (var line in lines)
        {
            line.CancelOpen();
        }

        Status = PurchaseOrderStatus.Cancelled;
    }

    private void EnsureOpen()
    {
        if (Status != PurchaseOrderStatus.Open)
        {
            throw new DomainException($"{Number} is {Status.ToString().ToLowerInvariant()} and can no longer change.");
        }
    }
}
