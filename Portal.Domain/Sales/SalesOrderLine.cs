using Portal.Domain.Allocation;
using Portal.Domain.Common;

namespace Portal.Domain.Sales;

/// <summary>
/// One product on a sales order. Quantities only change through methods that keep
/// <c>Backordered = Ordered − Allocated − Shipped − Cancelled ≥ 0</c>; the database checks the same.
/// </summary>
public class SalesOrderLine : Entity
{
    private SalesOrderLine() { }

    internal SalesOrderLine(SalesOrder order, int lineNumber, int productId, int quantity, decimal unitPrice)
    {
        CopyTerms(order);
        LineNumber = lineNumber;
        ProductId = productId;
        Ordered = Guard.Quantity(quantity, "Quantity");
        if (unitPrice < 0)
        {
            throw new DomainException("Unit price cannot be negative.");
        }

        UnitPrice = Math.Round(unitPrice, 4);
        Recalculate();
    }

    public int SalesOrderId { get; private set; }
    public SalesOrder Order { get; private set; } = null!;
    public int LineNumber { get; private set; }
    public int ProductId { get; private set; }
    public decimal UnitPrice { get; private set; }

    // The order's terms that decide the line's place in its product's queue and pool (docs/allocation.md: #candidates,
    // #priority, #ship-complete-orders), copied onto the line so a product's allocation run reads one table instead of
    // joining each waiting line to its order and customer. SalesOrder keeps them in step; a customer's tier change
    // rewrites them in bulk.
    public int CustomerId { get; private set; }
    public int WarehouseId { get; private set; }
    public int PriorityTier { get; private set; }
    public bool Expedite { get; private set; }
    public DateOnly? RequestedShipDate { get; private set; }
    public DateTimeOffset PlacedAt { get; private set; }
    public bool ShipComplete { get; private set; }
    public bool OnHold { get; private set; }

    public int Ordered { get; private set; }
    public int Allocated { get; private set; }
    public int Shipped { get; private set; }
    public int Cancelled { get; private set; }

    /// <summary>Stored beside the quantities it is derived from so boards can filter and index on it.</summary>
    public int Backordered { get; private set; }

    /// <summary>
    /// Projected ship date of the line's last unit, written by the allocation run; null when it is today plus a fixed
    /// number of business days (allocated, or behind a late purchase order), worked out when read (<see cref="StoredEta"/>).
    /// </summary>
    public DateOnly? EtaDate { get; private set; }
    public EtaBasis EtaBasis { get; private set; }
    public bool EtaOverdue { get; private set; }
    public int? EtaPurchaseOrderId { get; private set; }

    /// <summary>Why the line has the stock and the date it has, in words a rep can read to the customer.</summary>
    public string? EtaNote { get; private set; }
    public string? AllocationNote { get; private set; }

    // What the customer was last told about this line; the next allocation run compares against it.
    public int NotifiedBackordered { get; private set; }
    public DateOnly? NotifiedEtaDate { get; private set; }
    public EtaBasis NotifiedEtaBasis { get; private set; }
    public int NotifiedShipped { get; private set; }
    public int NotifiedCancelled { get; private set; }

    public NotifiedState LastNotified =>
        new(NotifiedBackordered, NotifiedEtaDate, NotifiedEtaBasis, NotifiedShipped, NotifiedCancelled);

    /// <summary>The line as the allocation rules see it (priority, release), with its current quantities.</summary>
    public DemandLine AsDemandLine() =>
        new(Id, SalesOrderId, LineNumber, Expedite, PriorityTier, RequestedShipDate, PlacedAt, ShipComplete, OnHold, Ordered, Allocated, Shipped, Cancelled);

    public LineStatus Status => (Ordered - Cancelled, Shipped, Allocated, Backordered) switch
    {
        (0, 0, _, _) => LineStatus.Cancelled,
        var (open, shipped, _, _) when shipped == open => LineStatus.Shipped,
        (_, > 0, _, _) => LineStatus.PartiallyShipped,
        (_, _, 0, _) => LineStatus.Backordered,
        (_, _, _, > 0) => LineStatus.PartiallyAllocated,
        _ => LineStatus.Allocated,
    };

    public decimal ValueAtRisk => Backordered * UnitPrice;

    public void Allocate(int quantity)
    {
        Guard.Quantity(quantity, "Allocated quantity");
        if (quantity > Backordered)
        {
            throw new DomainException($"Line {LineNumber} waits for {Backordered} units; cannot allocate {quantity}.");
        }

        Allocated += quantity;
        Recalculate();
    }

    /// <summary>Gives back reserved units (redistribute, hold); they become backordered again.</summary>
    public void Release(int quantity)
    {
        Guard.Quantity(quantity, "Released quantity");
        if (quantity > Allocated)
        {
            throw new DomainException($"Line {LineNumber} has only {Allocated} units allocated; cannot release {quantity}.");
        }

        Allocated -= quantity;
        if (EtaBasis == EtaBasis.Allocated)
        {
            // Its stored "ships once picked" no longer holds; the run that follows projects the new date.
            EtaBasis = EtaBasis.None;
        }
        Recalculate();
    }

    internal void Ship(int quantity)
    {
        Guard.Quantity(quantity, "Shipped quantity");
        if (quantity > Allocated)
        {
            throw new DomainException($"Line {LineNumber} has only {Allocated} units allocated; cannot ship {quantity}.");
        }

        Allocated -= quantity;
        Shipped += quantity;
        Recalculate();
    }

    /// <summary>Units not yet shipped or cancelled: what a cancellation can still take.</summary>
    public int Unshipped => Ordered - Shipped - Cancelled;

    /// <summary>
    /// Cancels units not yet shipped: backordered units first, so what is already reserved still ships, then allocated
    /// units, which leave the pick list (docs/quantities-and-states.md#cancelling). Returns the allocated units released.
    /// </summary>
    internal int Cancel(int quantity)
    {
        Guard.Quantity(quantity, "Cancelled quantity");
        if (quantity > Unshipped)
        {
            throw new DomainException(Shipped > 0
                ? $"Line {LineNumber} has only {Unshipped} units not yet shipped ({Shipped} shipped); cannot cancel {quantity}."
                : $"Line {LineNumber} has only {Unshipped} units left; cannot cancel {quantity}.");
        }

        var released = Math.Max(0, quantity - Backordered);
        if (released > 0)
        {
            Release(released);
        }

        Cancelled += quantity;
        Recalculate();
        return released;
    }

    /// <summary>
    /// A new ordered quantity. Going down takes the backordered units first, then releases allocation;
    /// it can never go below what has already shipped.
    /// </summary>
    internal void ChangeQuantity(int newOrdered)
    {
        Guard.Quantity(newOrdered, "Quantity");
        var minimum = Shipped + Cancelled;
        if (newOrdered < minimum)
        {
            throw new DomainException(
                $"Line {LineNumber} cannot go below {minimum}: {Shipped} shipped and {Cancelled} cancelled.");
        }

        Ordered = newOrdered;
        var excessAllocation = Allocated - (Ordered - Shipped - Cancelled);
        if (excessAllocation > 0)
        {
            Allocated -= excessAllocation;
        }

        Recalculate();
    }

    public void SetPromise(DateOnly? etaDate, EtaBasis basis, bool overdue, int? purchaseOrderId, string? etaNote, string? allocationNote)
    {
        EtaDate = etaDate;
        EtaBasis = basis;
        EtaOverdue = overdue;
        EtaPurchaseOrderId = purchaseOrderId;
        EtaNote = Truncate(etaNote);
        AllocationNote = Truncate(allocationNote);
    }

    public void SetNotified(NotifiedState notified)
    {
        NotifiedBackordered = notified.Backordered;
        NotifiedEtaDate = notified.EtaDate;
        NotifiedEtaBasis = notified.Basis;
        NotifiedShipped = notified.Shipped;
        NotifiedCancelled = notified.Cancelled;
    }

    internal void CopyTerms(SalesOrder order) =>
        (CustomerId, WarehouseId, PriorityTier, Expedite, RequestedShipDate, PlacedAt, ShipComplete, OnHold) =
        (order.CustomerId, order.WarehouseId, order.PriorityTier, order.Expedite, order.RequestedShipDate, order.PlacedAt, order.ShipComplete, order.OnHold);

    private static string? Truncate(string? note) => note is { Length: > 500 } ? note[..500] : note;

    private void Recalculate() => Backordered = Ordered - Allocated - Shipped - Cancelled;
}
