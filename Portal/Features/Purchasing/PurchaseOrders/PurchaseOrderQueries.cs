using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Allocation;
using Portal.Domain.Purchasing;
using Portal.Features.Allocation;
using Portal.Features.Common;
using Portal.Features.Purchasing.Shortages;
using Portal.Features.Purchasing.Suggestions;

namespace Portal.Features.Purchasing.PurchaseOrders;

public sealed class PurchaseOrderQueries(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public DateOnly Today => clock.Today();

    /// <summary>How many history rows the detail page shows; an order changed more often than this is rare.</summary>
    public const int HistoryShown = 200;

    /// <summary>
    /// Purchase order lines by the order's status, optionally narrowed by PO number, SKU or supplier. Open: the lines
    /// still to come, earliest expected first; done orders: newest order first.
    /// </summary>
    public async Task<Page<PoLineRow>> LinesAsync(string? search, PoStatusFilter status, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lines = status switch
        {
            PoStatusFilter.Open => db.PurchaseOrderLines.Where(l => l.Order.Status == PurchaseOrderStatus.Open && l.Ordered > l.Received + l.Cancelled),
            PoStatusFilter.Received => db.PurchaseOrderLines.Where(l => l.Order.Status == PurchaseOrderStatus.Received),
            PoStatusFilter.Cancelled => db.PurchaseOrderLines.Where(l => l.Order.Status == PurchaseOrderStatus.Cancelled),
            _ => db.PurchaseOrderLines,
        };
        var query = lines.AsNoTracking().Join(db.Products, l => l.ProductId, p => p.Id, (l, p) => new { Line = l, Product = p });
        if (!string.IsNullOrWhiteSpace(search))
        {
            var matching = MatchingLines(db, search);
            query = query.Where(x => matching.Contains(x.Line.Id));
        }

        var count = await Counting.CountAsync(query, cancellationToken);
        var sorted = status == PoStatusFilter.Open
            ? query.OrderBy(x => x.Line.ExpectedDate).ThenBy(x => x.Line.PurchaseOrderId).ThenBy(x => x.Line.LineNumber)
            : query.OrderByDescending(x => x.Line.PurchaseOrderId).ThenBy(x => x.Line.LineNumber);
        var rows = await sorted.PageAsync(page with { Take = Math.Min(page.SafeTake, ShortageBoardQueries.MaxPageSize) }, count, q => q
            .Select(x => new PoLineRow(x.Line.PurchaseOrderId, x.Line.Order.Version, x.Line.LineNumber, x.Line.Order.Supplier.Name, x.Product.Sku,
                x.Product.Name, x.Line.Ordered, x.Line.Received, x.Line.Cancelled, x.Line.ExpectedDate, x.Line.Order.Status, x.Line.UnitCost)), cancellationToken);
        return count.PageOf(rows);
    }

    /// <summary>
    /// The lines a search names: of the PO with that number, of a product whose SKU holds it, of a supplier whose name
    /// does. Each part is read through its own index and the parts joined, so a search never tests every line.
    /// </summary>
    private static IQueryable<int> MatchingLines(PortalDbContext db, string search)
    {
        var term = search.Trim().ToUpperInvariant();
        var poId = PurchaseOrder.TryParseNumber(term, out var id) ? id : -1;
        var products = db.Products.Where(p => p.Sku.Contains(term)).Select(p => p.Id);
        var suppliers = db.Suppliers.Where(s => s.Name.ToUpper().Contains(term)).Select(s => s.Id);
        return db.PurchaseOrderLines.Where(l => l.PurchaseOrderId == poId).Select(l => l.Id)
            .Concat(db.PurchaseOrderLines.Where(l => products.Contains(l.ProductId)).Select(l => l.Id))
            .Concat(db.PurchaseOrderLines.Where(l => suppliers.Contains(l.Order.SupplierId)).Select(l => l.Id));
    }

    /// <summary>One purchase order with every line and its history; null when there is no such order.</summary>
    public async Task<PurchaseOrderDetail?> DetailAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var order = await db.PurchaseOrders.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new { o.Version, Supplier = o.Supplier.Name, o.WarehouseId, o.Status, o.CreatedBy, o.CreatedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (order is null)
        {
            return null;
        }

        var warehouse = await db.Warehouses.AsNoTracking().Where(w => w.Id == order.WarehouseId).Select(w => w.Code + " · " + w.Name).SingleAsync(cancellationToken);
        var lines = await db.PurchaseOrderLines.AsNoTracking().Where(l => l.PurchaseOrderId == id)
            .Join(db.Products, l => l.ProductId, p => p.Id, (l, p) => new { Line = l, Product = p })
            .OrderBy(x => x.Line.LineNumber)
            .Select(x => new PoLineRow(id, order.Version, x.Line.LineNumber, order.Supplier, x.Product.Sku, x.Product.Name,
                x.Line.Ordered, x.Line.Received, x.Line.Cancelled, x.Line.ExpectedDate, order.Status, x.Line.UnitCost))
            .ToListAsync(cancellationToken);
        var number = PurchaseOrder.Format(id);
        var history = await db.AuditEvents.AsNoTracking()
            .Where(a => a.Entity == PurchaseOrderService.AuditEntity && a.EntityId == number)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(HistoryShown)
            .Select(a => new PoHistoryEntry(a.At, a.User, a.Action, a.Details))
            .ToListAsync(cancellationToken);
        return new PurchaseOrderDetail(id, order.Version, order.Supplier, warehouse, order.Status, order.CreatedBy, order.CreatedAt, lines, history);
    }

    public async Task<PurchaseOrderFormOptions> FormOptionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var suppliers = await db.Suppliers.AsNoTracking().OrderBy(s => s.Name).Select(s => new PickOption(s.Id, s.Name)).ToListAsync(cancellationToken);
        var warehouses = await db.Warehouses.AsNoTracking().OrderBy(w => w.Code).Select(w => new PickOption(w.Id, w.Code + " · " + w.Name)).ToListAsync(cancellationToken);
        return new PurchaseOrderFormOptions(suppliers, warehouses);
    }

    /// <summary>Active products whose SKU or name contains <paramref name="term"/>, the chosen supplier's first.</summary>
    public async Task<IReadOnlyList<ProductPick>> SearchProductsAsync(string? term, int? supplierId, int take = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Products.AsNoTracking().Where(p => p.IsActive);
        if (!string.IsNullOrWhiteSpace(term))
        {
            var upper = term.Trim().ToUpperInvariant();
            query = query.Where(p => p.Sku.Contains(upper) || p.Name.ToUpper().Contains(upper));
        }

        var picks = await query.OrderBy(p => p.SupplierId == supplierId ? 0 : 1).ThenBy(p => p.Sku).Take(Math.Clamp(take, 1, 100))
            .Select(p => new ProductPick(p.Id, p.Sku, p.Name, p.SupplierId, p.PackSize, p.LeadTimeDays ?? (p.Supplier == null ? null : p.Supplier.DefaultLeadTimeDays), null))
            .ToListAsync(cancellationToken);
        return await WithLastCostsAsync(db, picks, cancellationToken);
    }

    /// <summary>A purchase order for one short product, as the shortage board suggests it; null when there is no such product.</summary>
    public async Task<PurchaseOrderDraft?> DraftForAsync(int productId, int? warehouseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var product = await db.Products.AsNoTracking().Where(p => p.Id == productId)
            .Select(p => new ProductPick(p.Id, p.Sku, p.Name, p.SupplierId, p.PackSize, p.LeadTimeDays ?? (p.Supplier == null ? null : p.Supplier.DefaultLeadTimeDays), null))
            .SingleOrDefaultAsync(cancellationToken);
        if (product is null)
        {
            return null;
        }

        product = (await WithLastCostsAsync(db, [product], cancellationToken))[0];

        // The warehouse asked for, else the one where the product is most uncovered.
        var shortage = await ShortageBoardSql.Query(db).Where(r => r.ProductId == productId && (warehouseId == null || r.WarehouseId == warehouseId))
            .OrderByDescending(r => r.Uncovered).FirstOrDefaultAsync(cancellationToken);
        warehouseId ??= shortage?.WarehouseId ?? await db.Warehouses.OrderBy(w => w.Id).Select(w => (int?)w.Id).FirstOrDefaultAsync(cancellationToken);
        var quantity = Math.Max(product.PackSize, OrderSuggestion.Quantity(shortage?.Uncovered ?? 0, product.PackSize));
        DateOnly? expected = null;
        if (product.LeadTimeDays is { } days)
        {
            var calendar = await AllocationRules.CalendarAsync(db, cancellationToken);
            expected = calendar.AddBusinessDays(clock.Today(), days);
        }

        return new PurchaseOrderDraft(product.SupplierId, warehouseId, product, quantity, expected);
    }

    private static async Task<IReadOnlyList<ProductPick>> WithLastCostsAsync(PortalDbContext db, IReadOnlyList<ProductPick> picks, CancellationToken cancellationToken)
    {
        var lastCosts = await LastCosts.ForAsync(db, picks.Select(p => p.Id).ToList(), cancellationToken);
        return picks.Select(p => p with { LastCost = lastCosts.TryGetValue(p.Id, out var cost) ? cost : null }).ToList();
    }
}
