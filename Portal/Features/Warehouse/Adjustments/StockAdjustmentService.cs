using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Admin;
using Portal.Domain.Allocation;
using Portal.Domain.Common;
using Portal.Domain.Sales;
using Portal.Domain.Warehouse;
using Portal.Features.Allocation;
using Portal.Features.Common;

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
    /// <summary>
    /// Every product in every warehouse, a page at a time: a product not stocked there yet shows 0 on hand and can be
    /// counted up. Sorted by SKU unless a column is asked for; SKU and warehouse break ties, so pages never overlap.
    /// </summary>
    public async Task<Page<StockRow>> ListAsync(string? search, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = Rows(db);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            rows = rows.Where(r => r.Sku.Contains(term) || r.Product.ToUpper().Contains(term));
        }

        var total = await rows.CountAsync(cancellationToken);
        var d = page.Descending;
        var sorted = page.SortBy switch
        {
            nameof(StockRow.Warehouse) => rows.OrderBy(r => r.Warehouse, d),
            nameof(StockRow.OnHand) => rows.OrderBy(r => r.OnHand, d),
            nameof(StockRow.Allocated) => rows.OrderBy(r => r.Allocated, d),
            nameof(StockRow.Available) => rows.OrderBy(r => r.OnHand - r.Allocated, d),
            _ => rows.OrderBy(r => r.Sku, d),
        };
        var list = await sorted.ThenBy(r => r.Sku).ThenBy(r => r.Warehouse).Skip(page.SafeSkip).Take(page.SafeTake).ToListAsync(cancellationToken);
        return new Page<StockRow>(list.Select(r => r.ToRow()).ToList(), total);
    }

    /// <summary>One product's figures in one warehouse as they are now, to show before an adjustment; null when either is unknown.</summary>
    public async Task<StockRow?> GetAsync(int productId, int warehouseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await Rows(db).SingleOrDefaultAsync(r => r.ProductId == productId && r.WarehouseId == warehouseId, cancellationToken);
        return row?.ToRow();
    }

    private static IQueryable<StockFigures> Rows(PortalDbContext db) =>
        from product in db.Products.AsNoTracking()
        from warehouse in db.Warehouses.AsNoTracking()
        join s in db.StockLevels.AsNoTracking() on new { ProductId = product.Id, WarehouseId = warehouse.Id } equals new { s.ProductId, s.WarehouseId } into stock
        from level in stock.DefaultIfEmpty()
        select new StockFigures
        {
            ProductId = product.Id, WarehouseId = warehouse.Id, Sku = product.Sku, Product = product.Name, Warehouse = warehouse.Code,
            OnHand = level == null ? 0 : level.OnHand, Allocated = level == null ? 0 : level.Allocated,
        };

    // A query shape EF can filter and sort on before the rows become records.
    private sealed class StockFigures
    {
        public required int ProductId { get; init; }
        public required int WarehouseId { get; init; }
        public required string Sku { get; init; }
        public required string Product { get; init; }
        public required string Warehouse { get; init; }
        public required int OnHand { get; init; }
        public required int Allocated { get; init; }

        public StockRow ToRow() => new(ProductId, WarehouseId, Sku, Product, Warehouse, OnHand, Allocated);
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

        return $"This count leaves {stock.OnHand + delta} on hand for {stock.Allocated} units allocated to customers. "
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
                ?? await NewStockLevelAsync(db, productId, warehouseId, cancellationToken);
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

    // A product counted in a warehouse that never held it starts from nothing there, as a first receipt does.
    private static async Task<StockLevel> NewStockLevelAsync(PortalDbContext db, int productId, int warehouseId, CancellationToken cancellationToken)
    {
        if (!await db.Products.AnyAsync(p => p.Id == productId, cancellationToken) || !await db.Warehouses.AnyAsync(w => w.Id == warehouseId, cancellationToken))
        {
            throw new DomainException("There is no such product or warehouse.");
        }

        return db.StockLevels.Add(new StockLevel(productId, warehouseId)).Entity;
    }

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
        var releases = ShortfallRelease.Plan(lines.Values.Select(l => l.AsDemandLine()).ToList(), shortfall);
        return releases.Select(r => (lines[r.LineId], r.Quantity)).ToList();
    }

    private static string Describe(List<(SalesOrderLine Line, int Quantity)> plan) =>
        string.Join(", ", plan.Select(r => $"{(r.Quantity == 1 ? "1 unit" : $"{r.Quantity} units")} from {SalesOrder.Format(r.Line.SalesOrderId)} line {r.Line.LineNumber}"));
}
