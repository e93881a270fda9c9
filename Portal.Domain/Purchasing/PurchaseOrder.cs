using Portal.Domain.Common;

namespace Portal.Domain.Purchasing;

public class PurchaseOrder : Entity
{
    /// <summary>A reason for a change is a sentence, not a letter.</summary>
    public const int MaxReasonLength = 200;

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

    /// <summary>"PO-000123" or "po-123" name purchase order 123; bare digits do not (they are as likely part of a SKU).</summary>
    public static bool TryParseNumber(string? text, out int id)
    {
        var term = text?.Trim().ToUpperInvariant() ?? "";
        id = 0;
        return term.StartsWith("PO-", StringComparison.Ordinal) && int.TryParse(term[3..], out id);
    }

    public PurchaseOrderLine AddLine(int productId, int quantity, DateOnly expectedDate, decimal unitCost)
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
        CloseWhenNothingIsOpen();
    }

    /// <summary>Moves one line's expected date; a date before <paramref name="today"/> is refused.</summary>
    public void ChangeExpectedDate(int lineNumber, DateOnly expectedDate, DateOnly today)
    {
        EnsureOpen();
        Line(lineNumber).ChangeExpectedDate(expectedDate, today);
    }

    public void ChangeQuantity(int lineNumber, int quantity)
    {
        EnsureOpen();
        Line(lineNumber).ChangeQuantity(quantity);
        CloseWhenNothingIsOpen();
    }

    /// <summary>Cancels what is still to come on one line; returns the units cancelled.</summary>
    public int CancelLine(int lineNumber)
    {
        EnsureOpen();
        var cancelled = Line(lineNumber).CancelRest();
        CloseWhenNothingIsOpen();
        return cancelled;
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

    // Nothing left to come: Received when anything arrived, else Cancelled (nothing was ever delivered).
    private void CloseWhenNothingIsOpen()
    {
        if (lines.All(l => l.Open == 0))
        {
            Status = lines.Any(l => l.Received > 0) ? PurchaseOrderStatus.Received : PurchaseOrderStatus.Cancelled;
        }
    }

    private void EnsureOpen()
    {
        if (Status != PurchaseOrderStatus.Open)
        {
            throw new DomainException($"{Number} is {Status.ToString().ToLowerInvariant()} and can no longer change.");
        }
    }
}
