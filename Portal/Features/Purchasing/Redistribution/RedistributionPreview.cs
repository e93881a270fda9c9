using Portal.Domain.Sales;

namespace Portal.Features.Purchasing.Redistribution;

/// <summary>
/// What Redistribute would do to one product, pool by pool (one pool per warehouse), before anything is written.
/// Confirm applies exactly this plan, or nothing when the pools changed since.
/// </summary>
public sealed record RedistributionPreview(int ProductId, string Sku, string Product, IReadOnlyList<PoolPreview> Pools)
{
    public bool ChangesAnything => Pools.Any(p => p.Lines.Any(l => l.Change != 0));
}

public sealed record PoolPreview(int WarehouseId, string Warehouse, int OnHand, int AllocatedBefore, int AllocatedAfter, IReadOnlyList<PreviewLine> Lines)
{
    public IEnumerable<PreviewLine> Gainers => Lines.Where(l => l.Change > 0);
    public IEnumerable<PreviewLine> Losers => Lines.Where(l => l.Change < 0);

    /// <summary>Units taken from one line and given to another (or newly given from free stock).</summary>
    public int Moves => Lines.Where(l => l.Change > 0).Sum(l => l.Change);
}

/// <summary>One waiting or reserved line, in allocation priority order, with the engine's explanation of its change.</summary>
public sealed record PreviewLine(
    int LineId, int SalesOrderId, int LineNumber, string Customer, int PriorityTier, bool Expedite, bool OnHold, DateOnly? RequestedShipDate,
    DateTimeOffset PlacedAt, int Open, int Before, int After, string Explanation)
{
    public string OrderNumber => SalesOrder.Format(SalesOrderId);
    public int Change => After - Before;
}
