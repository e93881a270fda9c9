using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Admin;
using Portal.Domain.Common;
using Portal.Domain.Warehouse;
using Portal.Features.Allocation;

namespace Portal.Features.Warehouse.Adjustments;

public sealed record StockRow(int ProductId, int WarehouseId, string Sku, string Product, string Warehouse, int OnHand, int Allocated)
{
    public int Available => OnHand - Allocated;
}

/// <summary>Count corrections with a reason; a lower count may not take stock already reserved for customers.</summary>
public sealed class StockAdjustmentService(IDbContextFactory<PortalDbContext> dbFactory, AllocationScheduler scheduler, TimeProvider clock)
{
    public async Task<IReadOnlyList<StockRow>> FindAsync(string? search, int take = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var term = (search ?? "").Trim().ToUpperInvariant();
        return await db.StockLevels.AsNoTracking()
            .Join(db.Products, s => s.ProductId, p => p.Id, (s, p) => new { Stock = s, Product = p })
            .Join(db.Warehouses, x => x.Stock.WarehouseId, w => w.Id, (x, w) => new { x.Stock, x.Product, Warehouse = w })
            .Where(x => term == "" || x.Product.Sku.Contains(term) || x.Product.Name.ToUpper().Contains(term))
            .OrderBy(x => x.Product.Sku).Take(take)
            .Select(x => new StockRow(x.Product.Id, x.Warehouse.Id, x.Product.Sku, x.Product.Name, x.Warehouse.Code, x.Stock.OnHand, x.Stock.Allocated))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Adds <paramref name="delta"/> (negative to remove) to on-hand stock; null when done, or why it was refused.</summary>
    public Task<string?> AdjustAsync(int productId, int warehouseId, int delta, string reason, string user, CancellationToken cancellationToken = default) =>
        dbFactory.CommitAndAllocateAsync(scheduler, clock, async db =>
        {
            var stock = await db.StockLevels.SingleOrDefaultAsync(s => s.ProductId == productId && s.WarehouseId == warehouseId, cancellationToken)
                ?? throw new DomainException("That product is not stocked in that warehouse.");
            stock.Adjust(delta);
            var now = clock.GetUtcNow();
            var adjustment = new StockAdjustment(productId, warehouseId, delta, reason, user, now);
            db.StockAdjustments.Add(adjustment);
            db.AuditEvents.Add(new AuditEvent(now, user, "Stock", $"{productId}/{warehouseId}", "Adjusted", $"{delta:+#;-#} units: {adjustment.Reason}"));
            return new AllocatingChange([productId], "Stock adjustment");
        }, cancellationToken);
}
