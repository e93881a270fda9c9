using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Purchasing;
using Portal.Features.Allocation;
using Portal.Features.Common;

namespace Portal.Features.Purchasing.Shortages;

/// <summary>The shortage board and its drill-in: read-only queries that skip the domain model.</summary>
public sealed class ShortageBoardQueries(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    public DateOnly Today => clock.Today();

    /// <summary>
    /// One page of the board. Counting costs a second pass over the waiting lines, so a caller paging or sorting
    /// under unchanged filters passes the total it already has as <paramref name="knownTotal"/>.
    /// </summary>
    public async Task<Page<ShortageRow>> ListAsync(
        ShortageFilter filter, PageRequest page, int? knownTotal = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Filter(ShortageBoardSql.Query(db), filter);
        var total = knownTotal ?? await query.CountAsync(cancellationToken);
        var rows = await Sort(query, page).Skip(Math.Max(0, page.Skip)).Take(Math.Clamp(page.Take, 1, MaxPageSize)).ToListAsync(cancellationToken);
        return new Page<ShortageRow>(rows, total);
    }

    /// <summary>How many warehouses there are: with one, the pages leave the warehouse column out.</summary>
    public async Task<int> WarehouseCountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Warehouses.CountAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SupplierOption>> SuppliersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Suppliers.AsNoTracking().OrderBy(s => s.Name).Select(s => new SupplierOption(s.Id, s.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>The product's figures per warehouse and what is on order for it; null when there is no such product.</summary>
    public async Task<ShortageDetail?> DetailAsync(int productId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var product = await db.Products.AsNoTracking().Where(p => p.Id == productId)
            .Select(p => new ShortageProduct(p.Id, p.Sku, p.Name, p.SupplierId, p.Supplier == null ? null : p.Supplier.Name, p.PackSize,
                p.LeadTimeDays ?? (p.Supplier == null ? null : p.Supplier.DefaultLeadTimeDays)))
            .SingleOrDefaultAsync(cancellationToken);
        if (product is null)
        {
            return null;
        }

        var pools = await ShortageBoardSql.Query(db).Where(r => r.ProductId == productId).OrderBy(r => r.Warehouse).ToListAsync(cancellationToken);
        var incoming = await db.PurchaseOrderLines.AsNoTracking()
            .Where(l => l.ProductId == productId && l.Order.Status == PurchaseOrderStatus.Open && l.Ordered > l.Received + l.Cancelled)
            .Join(db.Warehouses, l => l.Order.WarehouseId, w => w.Id, (l, w) => new { Line = l, Warehouse = w.Code })
            .OrderBy(x => x.Line.ExpectedDate).ThenBy(x => x.Line.PurchaseOrderId).ThenBy(x => x.Line.LineNumber)
            .Select(x => new IncomingLineRow(x.Line.PurchaseOrderId, x.Line.LineNumber, x.Line.Order.Supplier.Name, x.Warehouse,
                x.Line.Ordered - x.Line.Received - x.Line.Cancelled, x.Line.ExpectedDate))
            .ToListAsync(cancellationToken);
        return new ShortageDetail(product, pools, incoming, await db.Warehouses.CountAsync(cancellationToken));
    }

    /// <summary>Who waits for the product, a page at a time, in allocation priority order unless sorted otherwise.</summary>
    public async Task<Page<WaitingLineRow>> WaitingLinesAsync(
        int productId, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var late = await AllocationRules.LateDeliveryAsync(db, clock, cancellationToken);
        // Sorted and paged on the line's own copy of its order's terms (the waiting-lines index), then joined to its order,
        // customer and warehouse for one page only.
        var lines = db.SalesOrderLines.AsNoTracking().Where(l => l.ProductId == productId && l.Backordered > 0);
        var total = await lines.CountAsync(cancellationToken);
        var rows = await SortWaiting(lines, page, late).Skip(Math.Max(0, page.Skip)).Take(Math.Clamp(page.Take, 1, MaxPageSize))
            .Join(db.Warehouses, l => l.WarehouseId, w => w.Id, (l, w) => new { Line = l, l.Order, l.Order.Customer, Warehouse = w.Code })
            .Select(x => new WaitingLineRow(x.Line.SalesOrderId, x.Line.LineNumber, x.Customer.Code, x.Customer.Name, x.Customer.PriorityTier,
                x.Order.Expedite, x.Order.OnHold, x.Order.PlacedAt, x.Order.RequestedShipDate, x.Warehouse, x.Line.Ordered, x.Line.Allocated,
                x.Line.Backordered, x.Line.UnitPrice, x.Line.EtaDate ?? (x.Line.EtaOverdue ? late : null), x.Line.EtaBasis, x.Line.EtaOverdue))
            .ToListAsync(cancellationToken);
        return new Page<WaitingLineRow>(rows, total);
    }

    internal static IQueryable<ShortageRow> Filter(IQueryable<ShortageRow> query, ShortageFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToUpperInvariant();
            query = query.Where(r => r.Sku.Contains(term) || r.Product.ToUpper().Contains(term));
        }

        if (filter.SupplierId is { } supplierId)
        {
            query = query.Where(r => r.SupplierId == supplierId);
        }

        if (filter.UncoveredOnly)
        {
            query = query.Where(r => r.Uncovered > 0);
        }

        if (filter.ProductId is { } productId)
        {
            query = query.Where(r => r.ProductId == productId);
        }

        return query;
    }

    // Every order ends on the SKU and warehouse, so pages never overlap; missing dates sort last on both providers.
    private static IQueryable<ShortageRow> Sort(IQueryable<ShortageRow> query, PageRequest page)
    {
        var d = page.Descending;
        var sorted = page.SortBy switch
        {
            ShortageSort.Sku => query.OrderBy(r => r.Sku, d),
            ShortageSort.Product => query.OrderBy(r => r.Product, d),
            ShortageSort.Supplier => query.OrderBy(r => r.Supplier == null).ThenBy(r => r.Supplier, d),
            ShortageSort.Warehouse => query.OrderBy(r => r.Warehouse, d),
            ShortageSort.Backordered => query.OrderBy(r => r.Backordered, d),
            ShortageSort.Available => query.OrderBy(r => r.Available, d),
            ShortageSort.OnOrder => query.OrderBy(r => r.OnOrder, d),
            ShortageSort.Uncovered => query.OrderBy(r => r.Uncovered, d),
            ShortageSort.NeedDate => query.OrderBy(r => r.NeedDate, d),
            ShortageSort.Customers => query.OrderBy(r => r.Customers, d),
            ShortageSort.ValueAtRisk => query.OrderBy(r => r.ValueAtRisk, d),
            ShortageSort.NextPoDate => query.OrderBy(r => r.NextPoDate == null).ThenBy(r => r.NextPoDate, d),
            _ => query.OrderByDescending(r => r.Uncovered).ThenByDescending(r => r.ValueAtRisk),
        };
        return sorted.ThenBy(r => r.Sku).ThenBy(r => r.Warehouse);
    }

    // A waiting line carries its order's expedite flag, tier, requested date and placed time (kept in step by the order),
    // so the priority order needs no join.
    private static IQueryable<Domain.Sales.SalesOrderLine> SortWaiting(IQueryable<Domain.Sales.SalesOrderLine> query, PageRequest page, DateOnly? late)
    {
        var d = page.Descending;
        var sorted = page.SortBy switch
        {
            WaitingLineSort.Customer => query.OrderBy(l => l.Order.Customer.Name, d),
            WaitingLineSort.Placed => query.OrderBy(l => l.PlacedAt, d),
            WaitingLineSort.Backordered => query.OrderBy(l => l.Backordered, d),
            WaitingLineSort.Eta => query.OrderBy(l => (l.EtaDate ?? (l.EtaOverdue ? late : null)) == null)
                .ThenBy(l => l.EtaDate ?? (l.EtaOverdue ? late : null), d),
            // Allocation priority (docs/allocation.md#priority): expedite, tier, requested date (none last), placed
            // time.
            _ => query.OrderByDescending(l => l.Expedite).ThenBy(l => l.PriorityTier).ThenBy(l => l.RequestedShipDate == null)
                .ThenBy(l => l.RequestedShipDate).ThenBy(l => l.PlacedAt),
        };
        return sorted.ThenBy(l => l.SalesOrderId).ThenBy(l => l.LineNumber);
    }
}

public sealed record SupplierOption(int Id, string Name);

/// <summary>Columns the waiting lines sort on; the default is allocation priority.</summary>
public static class WaitingLineSort
{
    public const string Customer = nameof(WaitingLineRow.Customer);
    public const string Placed = nameof(WaitingLineRow.PlacedAt);
    public const string Backordered = nameof(WaitingLineRow.Backordered);
    public const string Eta = nameof(WaitingLineRow.EtaDate);
}
