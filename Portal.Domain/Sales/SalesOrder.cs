using Portal.Domain.Common;

namespace Portal.Domain.Sales;

public class SalesOrder : Entity
{
    /// <summary>The longest reason a rep may give for expediting, holding or cancelling.</summary>
    public const int MaxReasonLength = 200;

    /// <summary>The longest customer reference (their PO number) an order keeps.</summary>
    public const int MaxReferenceLength = 50;

    private readonly List<SalesOrderLine> lines = [];

    private SalesOrder() { }

    public SalesOrder(Customer customer, int warehouseId, string salesRep, DateTimeOffset placedAt,
        DateOnly? requestedShipDate = null, bool? shipComplete = null, string? customerReference = null)
    {
        if (!customer.IsActive)
        {
            throw new DomainException($"Customer {customer.Code} is inactive; reactivate it before taking orders.");
        }

        CustomerId = customer.Id;
        PriorityTier = customer.PriorityTier;
        WarehouseId = warehouseId;
        SalesRep = Guard.Required(salesRep, "Sales rep", 256);
        PlacedAt = placedAt;
        RequestedShipDate = requestedShipDate;
        ShipComplete = shipComplete ?? customer.ShipCompleteDefault;
        CustomerReference = customerReference?.Trim() is { Length: > 0 } reference ? Guard.Required(reference, "Customer reference", MaxReferenceLength) : null;
    }

    public string Number => Format(Id);
    public int CustomerId { get; private set; }
    public Customer Customer { get; private set; } = null!;

    /// <summary>The customer's priority tier (1 = highest); a change of the customer's tier rewrites it.</summary>
    public int PriorityTier { get; private set; }
    public int WarehouseId { get; private set; }
    public string SalesRep { get; private set; } = "";
    public DateTimeOffset PlacedAt { get; private set; }
    public DateOnly? RequestedShipDate { get; private set; }
    public string? CustomerReference { get; private set; }

    /// <summary>Ship-complete orders leave the warehouse only when every line is fully allocated.</summary>
    public bool ShipComplete { get; private set; }
    public bool Expedite { get; private set; }
    public string? ExpediteReason { get; private set; }
    public bool OnHold { get; private set; }

    /// <summary>Kept in step with the lines by every method, so lists can filter on it at a million lines.</summary>
    public OrderStatus Status { get; private set; }

    public IReadOnlyList<SalesOrderLine> Lines => lines;

    public static string Format(int id) => $"SO-{id:D6}";

    /// <summary>"SO-000123", "so-123" or "123" name order 123; anything else names no order.</summary>
    public static bool TryParseNumber(string? text, out int id)
    {
        var term = text?.Trim().ToUpperInvariant() ?? "";
        var digits = term.StartsWith("SO-", StringComparison.Ordinal) ? term[3..] : term;
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out id) && id > 0;
    }

    public SalesOrderLine AddLine(int productId, int quantity, decimal unitPrice)
    {
        EnsureChangeable();
        var line = new SalesOrderLine(this, lines.Count == 0 ? 1 : lines.Max(l => l.LineNumber) + 1, productId, quantity, unitPrice);
        lines.Add(line);
        RefreshStatus();
        return line;
    }

    public SalesOrderLine Line(int lineNumber) =>
        lines.SingleOrDefault(l => l.LineNumber == lineNumber)
        ?? throw new DomainException($"Order {Number} has no line {lineNumber}.");

    public void ChangeQuantity(int lineNumber, int newQuantity)
    {
        EnsureChangeable();
        Line(lineNumber).ChangeQuantity(newQuantity);
        RefreshStatus();
    }

    /// <summary>Cancels units of one line not yet shipped; returns the allocated units released (see <see cref="SalesOrderLine.Cancel"/>).</summary>
    public int Cancel(int lineNumber, int quantity)
    {
        EnsureChangeable();
        var released = Line(lineNumber).Cancel(quantity);
        RefreshStatus();
        return released;
    }

    /// <summary>
    /// Cancels everything not yet shipped on every line; returns each line's cancelled and released units. Cancelled once
    /// nothing has shipped, otherwise Shipped: what did ship is complete.
    /// </summary>
    public IReadOnlyList<(SalesOrderLine Line, int Cancelled, int Released)> CancelRest()
    {
        EnsureChangeable();
        var cancelled = new List<(SalesOrderLine, int, int)>();
        foreach (var line in lines.Where(l => l.Unshipped > 0))
        {
            var quantity = line.Unshipped;
            cancelled.Add((line, quantity, line.Cancel(quantity)));
        }

        if (cancelled.Count == 0)
        {
            throw new DomainException($"Order {Number} has nothing left to cancel.");
        }

        RefreshStatus();
        return cancelled;
    }

    public void Ship(int lineNumber, int quantity)
    {
        if (OnHold)
        {
            throw new DomainException($"Order {Number} is on hold; release it before shipping.");
        }

        Line(lineNumber).Ship(quantity);
        RefreshStatus();
    }

    /// <summary>Ship-complete (all at once) or what is ready as it becomes ready; the release rule reads it from the lines.</summary>
    public void ChangeShipComplete(bool shipComplete)
    {
        EnsureChangeable();
        if (ShipComplete == shipComplete)
        {
            throw new DomainException(shipComplete ? $"Order {Number} already ships complete." : $"Order {Number} already ships what is ready.");
        }

        ShipComplete = shipComplete;
        CopyTermsToLines();
    }

    public void PutOnHold()
    {
        EnsureChangeable();
        OnHold = true;
        CopyTermsToLines();
        RefreshStatus();
    }

    public void ReleaseHold()
    {
        OnHold = false;
        CopyTermsToLines();
        RefreshStatus();
    }

    public void MarkExpedite(string reason)
    {
        EnsureChangeable();
        ExpediteReason = Guard.Required(reason, "Expedite reason", MaxReasonLength);
        Expedite = true;
        CopyTermsToLines();
    }

    public void ClearExpedite()
    {
        Expedite = false;
        ExpediteReason = null;
        CopyTermsToLines();
    }

    /// <summary>Lines change allocation from outside the aggregate (the allocation run); it refreshes after.</summary>
    public void RefreshStatus()
    {
        var open = lines.Sum(l => l.Ordered - l.Cancelled);
        var shipped = lines.Sum(l => l.Shipped);
        Status = (open, shipped) switch
        {
            (0, _) when lines.Count > 0 => OrderStatus.Cancelled,
            var (o, s) when s == o && o > 0 => OrderStatus.Shipped,
            _ when OnHold => OrderStatus.OnHold,
            (_, > 0) => OrderStatus.PartiallyShipped,
            _ => OrderStatus.Open,
        };
    }

    private void CopyTermsToLines()
    {
        foreach (var line in lines)
        {
            line.CopyTerms(this);
        }
    }

    private void EnsureChangeable()
    {
        if (Status is OrderStatus.Shipped or OrderStatus.Cancelled)
        {
            throw new DomainException($"Order {Number} is {Status.ToString().ToLowerInvariant()} and can no longer change.");
        }
    }
}
