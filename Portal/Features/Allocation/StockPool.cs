using Portal.Domain.Allocation;

namespace Portal.Features.Allocation;

/// <summary>One product in one warehouse as loaded for a run, with what the writer needs to save the outcome.</summary>
internal sealed class StockPool(int productId, int warehouseId)
{
    public int ProductId { get; } = productId;
    public int WarehouseId { get; } = warehouseId;
    public int? StockLevelId { get; set; }
    public int StockVersion { get; set; }
    public int OnHand { get; set; }
    public int StoredAllocated { get; set; }
    public int? LeadTimeDays { get; set; }
    public List<DemandLine> Lines { get; } = [];
    public List<SupplyLine> Supply { get; } = [];
    public List<OrderElsewhere>? OrdersElsewhere { get; set; }

    public PoolSnapshot Snapshot() => new(OnHand, Lines, Supply, LeadTimeDays, OrdersElsewhere);
}

/// <summary>
/// A line's stored state the writer compares against, so only what changed is written; the customer and unit price
/// also count towards the pool's shortage figures.
/// </summary>
internal sealed record StoredLine(
    int Id, int Version, int OrderId, int CustomerId, int ProductId, DateOnly? EtaDate, EtaBasis EtaBasis, bool EtaOverdue, int? EtaPurchaseOrderId,
    decimal UnitPrice);
