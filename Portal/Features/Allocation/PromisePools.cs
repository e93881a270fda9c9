using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Allocation;
using Portal.Domain.Purchasing;
namespace Portal.Features.Allocation;

/// <summary>
/// The pools a promise preview (order entry) runs on, loaded exactly as an allocation run loads them, so the preview
/// and the run that follows the save see the same lines, stock and supply. Keyed by product; a product that is unknown
/// is missing.
/// </summary>
public static class PromisePools
{
    public static async Task<IReadOnlyDictionary<int, PoolSnapshot>> LoadAsync(
        PortalDbContext db, int warehouseId, IReadOnlyCollection<int> productIds, CancellationToken cancellationToken)
    {
        if (productIds.Count == 0)
        {
            return new Dictionary<int, PoolSnapshot>();
        }

        var loaded = await AllocationLoader.LoadAsync(db, productIds, cancellationToken);
        var pools = loaded.Pools.Where(p => p.WarehouseId == warehouseId).ToDictionary(p => p.ProductId, p => p.Snapshot());
        var missing = productIds.Where(id => !pools.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
        {
            await AddIdlePoolsAsync(db, warehouseId, missing, pools, cancellationToken);
        }

        return pools;
    }

    // The loader builds pools around lines that wait or hold stock; a product nobody is waiting for still has
    // stock on the shelf, purchase orders on the way and a lead time, and a new order must see them.
    private static async Task AddIdlePoolsAsync(
        PortalDbContext db, int warehouseId, List<int> productIds, Dictionary<int, PoolSnapshot> pools, CancellationToken cancellationToken)
    {
        var onHand = await db.StockLevels.AsNoTracking()
            .Where(s => s.WarehouseId == warehouseId && productIds.Contains(s.ProductId))
            .ToDictionaryAsync(s => s.ProductId, s => s.OnHand, cancellationToken);
        var supply = await db.PurchaseOrderLines.AsNoTracking()
            .Where(l => productIds.Contains(l.ProductId) && l.Order.WarehouseId == warehouseId
                && l.Order.Status == PurchaseOrderStatus.Open && l.Ordered > l.Received + l.Cancelled)
            .Select(l => new { l.ProductId, Line = new SupplyLine(l.Id, l.PurchaseOrderId, l.ExpectedDate, l.Ordered - l.Received - l.Cancelled) })
            .ToListAsync(cancellationToken);
        var leadTimes = await db.Products.AsNoTracking()
            .Where(p => productIds.Contains(p.Id))
            .Select(p => new { p.Id, LeadTime = p.LeadTimeDays ?? (p.Supplier == null ? null : p.Supplier.DefaultLeadTimeDays) })
            .ToDictionaryAsync(p => p.Id, p => p.LeadTime, cancellationToken);

        var supplyByProduct = supply.ToLookup(s => s.ProductId, s => s.Line);
        foreach (var productId in productIds.Where(leadTimes.ContainsKey))
        {
            pools[productId] = new PoolSnapshot(onHand.GetValueOrDefault(productId), [], supplyByProduct[productId].ToList(), leadTimes[productId]);
        }
    }
}
