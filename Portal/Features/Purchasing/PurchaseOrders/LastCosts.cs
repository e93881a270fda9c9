using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Purchasing.PurchaseOrders;

/// <summary>
/// A product's last cost: the unit cost on its most recently written purchase order line (the highest line id),
/// skipping lines saved before a cost was required. A product never bought has none.
/// </summary>
internal static class LastCosts
{
    public static async Task<IReadOnlyDictionary<int, decimal>> ForAsync(PortalDbContext db, IReadOnlyCollection<int> productIds, CancellationToken cancellationToken = default)
    {
        if (productIds.Count == 0)
        {
            return new Dictionary<int, decimal>();
        }

        var latest = db.PurchaseOrderLines.Where(l => productIds.Contains(l.ProductId) && l.UnitCost > 0)
            .GroupBy(l => l.ProductId).Select(g => g.Max(l => l.Id));
        return await db.PurchaseOrderLines.AsNoTracking().Where(l => latest.Contains(l.Id))
            .ToDictionaryAsync(l => l.ProductId, l => l.UnitCost, cancellationToken);
    }
}
