using Portal.Domain.Allocation;

namespace Portal.Benchmarks.Data;

// Plain rows, ids assigned by the generator (1..n per table), written to the database as they are.

public struct SupplierRow
{
    public int Id;
    public int? DefaultLeadTimeDays;
}

public struct ProductRow
{
    public int Id;
    public int SupplierId;
    public int? LeadTimeDays;
    public decimal UnitPrice;
}

public struct StockRow
{
    public int Id;
    public int ProductId;
    public int OnHand;
    public int Allocated;
}

public struct CustomerRow
{
    public int Id;
    public int Tier;
    public bool ShipCompleteDefault;
}

public struct OrderRow
{
    public int Id;
    public int CustomerId;
    public DateTimeOffset PlacedAt;
    public DateOnly? RequestedShipDate;
    public bool ShipComplete;
    public bool Expedite;
    public bool OnHold;
    public int Status; // OrderStatus
    public bool PlacedSinceLastRun;
}

public struct LineRow
{
    public int Id;
    public int OrderId;
    public int LineNumber;
    public int ProductId;
    public decimal UnitPrice;
    public int Ordered;
    public int Allocated;
    public int Shipped;
    public int Cancelled;
    public DateOnly? EtaDate;
    public EtaBasis EtaBasis;
    public bool EtaOverdue;
    public int? EtaPurchaseOrderId;
    public string? EtaNote;
    public string? AllocationNote;
    public int NotifiedBackordered;
    public DateOnly? NotifiedEtaDate;
    public EtaBasis NotifiedEtaBasis;
    public int NotifiedShipped;
    public int NotifiedCancelled;
    public int Version;

    public readonly int Backordered => Ordered - Allocated - Shipped - Cancelled;

    public readonly bool IsActive =>
        Backordered > 0 || Allocated > 0 || NotifiedBackordered > 0 || NotifiedShipped != Shipped || NotifiedCancelled != Cancelled;
}

public struct PurchaseOrderRow
{
    public int Id;
    public int SupplierId;
    public DateTimeOffset CreatedAt;
}

public struct PoLineRow
{
    public int Id;
    public int PurchaseOrderId;
    public int LineNumber;
    public int ProductId;
    public int Ordered;
    public int Received;
    public DateOnly ExpectedDate;
    public decimal UnitCost;
}

/// <summary>A whole generated database in memory: what the bulk loaders write and the engine benchmark reads.</summary>
public sealed class DataSet
{
    public const int WarehouseId = 1;

    public required Scale Scale { get; init; }
    public required string State { get; init; }
    public required DateTimeOffset Now { get; init; }
    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);
    public required DateOnly[] Holidays { get; init; }
    public required SupplierRow[] Suppliers { get; init; }
    public required ProductRow[] Products { get; init; }
    public required StockRow[] Stock { get; init; }
    public required CustomerRow[] Customers { get; init; }
    public required OrderRow[] Orders { get; init; }
    public required LineRow[] Lines { get; init; }
    public required PurchaseOrderRow[] PurchaseOrders { get; init; }
    public required PoLineRow[] PoLines { get; init; }
    public required int[] PendingProducts { get; init; }

    /// <summary>Products with exactly 10,000 and 1,000 waiting lines (0 when the scale has none).</summary>
    public int Hot10k { get; init; }
    public int Hot1k { get; init; }

    public BusinessCalendar Calendar => new(Holidays);

    public int ActiveLines
    {
        get
        {
            var n = 0;
            foreach (ref readonly var l in Lines.AsSpan()) if (l.IsActive) n++;
            return n;
        }
    }

    public override string ToString() =>
        $"{Products.Length:N0} products, {Lines.Length:N0} order lines ({ActiveLines:N0} open) on {Orders.Length:N0} orders, " +
        $"{PoLines.Length:N0} PO lines on {PurchaseOrders.Length:N0} POs, {Customers.Length:N0} customers, state '{State}'";
}
