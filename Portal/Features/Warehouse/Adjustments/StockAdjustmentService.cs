using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Admin;
using Portal.Domain.Allocation;
using Portal.Domain.Common;
using Portal.Domain.Sales;
using Portal.Domain.Warehouse;
using Portal.Features.Allocation;

namespace Portal.Features.Warehouse.Adjustments;

public sealed record StockRow(int ProductId, int WarehouseId, string Sku, string Product, string Warehouse, int OnHand, int Allocated)
{
    public int Available => OnHand - Allocated;
}

/// <summary>
/// Count corrections with a reason. A count below what is reserved takes the missing units back from the lines last in
/// line; the allocation run that follows gives those customers their new dates.
/// </summary>
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

    /// <summary>
    /// What a count would take back from customers, in words for a confirmation; null when it takes nothing (the count
    /// stays within what is not reserved, or it is refused anyway).
    /// </summary>
    public async Task<string?> PreviewShortfallAsync(int productId, int warehouseId, int delta, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stock = await db.StockLevels.AsNoTracking().SingleOrDefaultAsync(s => s.ProductId == productId && s.WarehouseId == warehouseId, cancellationToken);
        if (stock is null || await PlanShortfallAsync(db, stock, delta, cancellationToken) is not { } plan)
        {
            return null;
        }

        return $"This count leaves {stock.OnHand + delta} on hand for {stock.Allocated} units reserved for customers. "
               + $"It takes back {Describe(plan)}; those customers are told their new dates.";
    }

    /// <summary>
    /// Adds <paramref name="delta"/> (negative to remove) to on-hand stock; null when done, or why it was refused. A count
    /// below what is reserved is refused unless <paramref name="releaseReserved"/> confirms taking the missing units back
    /// from the lines last in line (see <see cref="PreviewShortfallAsync"/>).
    /// </summary>
    public Task<string?> AdjustAsync(
        int productId, int warehouseId, int delta, string reason, string user, bool releaseReserved = false, CancellationToken cancellationToken = default) =>
        dbFactory.CommitAndAllocateAsync(scheduler, clock, async db =>
        {
            var stock = await db.StockLevels.SingleOrDefaultAsync(s => s.ProductId == productId && s.WarehouseId == warehouseId, cancellationToken)
                ?? throw new DomainException("That product is not stocked in that warehouse.");
            var now = clock.GetUtcNow();
            var adjustment = new StockAdjustment(productId, warehouseId, delta, reason, user, now);
            var released = "";
            if (releaseReserved && await PlanShortfallAsync(db, stock, delta, cancellationToken) is { } plan)
            {
                foreach (var (line, quantity) in plan)
                {
                    line.Release(quantity);
                }

                stock.SetAllocated(stock.Allocated - plan.Sum(r => r.Quantity));
                released = $"; took back {Describe(plan)}";
            }

            stock.Adjust(delta);
            db.StockAdjustments.Add(adjustment);
            db.AuditEvents.Add(new AuditEvent(now, user, "Stock", $"{productId}/{warehouseId}", "Adjusted",
                $"{delta:+#;-#} units: {adjustment.Reason}{released}"));
            return new AllocatingChange([productId], "Stock adjustment");
        }, cancellationToken);

    // The reserved units a count below the reservations takes back, line by line; null when it needs none.
    private static async Task<List<(SalesOrderLine Line, int Quantity)>?> PlanShortfallAsync(
        PortalDbContext db, StockLevel stock, int delta, CancellationToken cancellationToken)
    {
        var shortfall = stock.Allocated - (stock.OnHand + delta);
        if (shortfall <= 0 || stock.OnHand + delta < 0)
        {
            return null;
        }

        var lines = await db.SalesOrderLines
            .Where(l => l.ProductId == stock.ProductId && l.WarehouseId == stock.WarehouseId && l.Allocated > 0)
            .ToDictionaryAsync(l => l.Id, cancellationToken);
        var releases = ShortfallRelease.Plan(lines.Values.Select(l => new DemandLine(
            l.Id, l.SalesOrderId, l.LineNumber, l.Expedite, l.PriorityTier, l.RequestedShipDate, l.PlacedAt, l.ShipComplete, l.OnHold,
            l.Ordered, l.Allocated, l.Shipped, l.Cancelled)).ToList(), shortfall);
        return releases.Select(r => (lines[r.LineId], r.Quantity)).ToList();
    }

    private static string Describe(List<(SalesOrderLine Line, int Quantity)> plan) =>
        string.Join(", ", plan.Select(r => $"{(r.Quantity == 1 ? "1 unit" : $"{r.Quantity} units")} from {SalesOrder.Format(r.Line.SalesOrderId)} line {r.Line.LineNumber}"));
}
