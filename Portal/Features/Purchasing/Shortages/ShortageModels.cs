using Portal.Domain.Purchasing;

namespace Portal.Features.Purchasing.Shortages;

/// <summary>
/// One product in one warehouse that customers wait for. Figures follow docs/quantities-and-states.md#figures:
/// uncovered is backordered − available − on order, never below 0; value at risk is backordered units × each
/// line's unit price; the need date is the earliest requested ship date, else order date, of the waiting lines.
/// </summary>
public sealed record ShortageRow
{
    public int ProductId { get; init; }
    public int WarehouseId { get; init; }
    public string Warehouse { get; init; } = "";
    public string Sku { get; init; } = "";
    public string Product { get; init; } = "";
    public int? SupplierId { get; init; }
    public string? Supplier { get; init; }
    public int PackSize { get; init; }
    public int? LeadTimeDays { get; init; }
    public int Backordered { get; init; }
    public int Available { get; init; }
    public int OnOrder { get; init; }
    public int Uncovered { get; init; }
    public DateOnly NeedDate { get; init; }
    public int Customers { get; init; }
    public decimal ValueAtRisk { get; init; }
    public DateOnly? NextPoDate { get; init; }
}

/// <summary>The board's filters: a SKU or name fragment, one supplier, and only what no stock or PO covers yet.</summary>
public sealed record ShortageFilter(string? Search = null, int? SupplierId = null, bool UncoveredOnly = false, int? ProductId = null);

/// <summary>Columns the board sorts on; anything else falls back to the default (uncovered, then value at risk).</summary>
public static class ShortageSort
{
    public const string Sku = nameof(ShortageRow.Sku);
    public const string Product = nameof(ShortageRow.Product);
    public const string Supplier = nameof(ShortageRow.Supplier);
    public const string Warehouse = nameof(ShortageRow.Warehouse);
    public const string Backordered = nameof(ShortageRow.Backordered);
    public const string Available = nameof(ShortageRow.Available);
    public const string OnOrder = nameof(ShortageRow.OnOrder);
    public const string Uncovered = nameof(ShortageRow.Uncovered);
    public const string NeedDate = nameof(ShortageRow.NeedDate);
    public const string Customers = nameof(ShortageRow.Customers);
    public const string ValueAtRisk = nameof(ShortageRow.ValueAtRisk);
    public const string NextPoDate = nameof(ShortageRow.NextPoDate);
}

/// <summary>A customer line waiting for the product, as the drill-in lists it.</summary>
public sealed record WaitingLineRow(
    int SalesOrderId, int LineNumber, string CustomerCode, string Customer, int PriorityTier, bool Expedite, bool OnHold,
    DateTimeOffset PlacedAt, DateOnly? RequestedShipDate, string Warehouse, int Ordered, int Allocated, int Backordered, decimal UnitPrice,
    DateOnly? EtaDate, Domain.Allocation.EtaBasis EtaBasis, bool EtaOverdue)
{
    public string OrderNumber => Domain.Sales.SalesOrder.Format(SalesOrderId);

    /// <summary>Calendar days since the order was placed (docs/quantities-and-states.md#figures).</summary>
    public int AgeDays(DateOnly today) => today.DayNumber - DateOnly.FromDateTime(PlacedAt.UtcDateTime).DayNumber;
}

/// <summary>An open purchase order line bringing the product in.</summary>
public sealed record IncomingLineRow(int PurchaseOrderId, int LineNumber, string Supplier, string Warehouse, int Open, DateOnly ExpectedDate)
{
    public string Number => PurchaseOrder.Format(PurchaseOrderId);
}

public sealed record ShortageProduct(int ProductId, string Sku, string Name, int? SupplierId, string? Supplier, int PackSize, int? LeadTimeDays);

/// <summary>Everything the drill-in shows apart from the paged waiting lines.</summary>
public sealed record ShortageDetail(ShortageProduct Product, IReadOnlyList<ShortageRow> Pools, IReadOnlyList<IncomingLineRow> Incoming, int Warehouses);
