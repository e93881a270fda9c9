using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Sales;
using Portal.Features.Allocation;
using Portal.Features.Sales.Common;
using Portal.Features.Common;

namespace Portal.Features.Sales.Backorders;

/// <summary>
/// Every backordered line across customers. Queries start from lines with something backordered (the partial
/// index on waiting lines), and the CSV export streams the same query row by row instead of loading it.
/// </summary>
public sealed class BackorderService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Page<BackorderRow>> ListAsync(BackorderFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var late = await AllocationRules.LateDeliveryAsync(db, clock, cancellationToken);
        var query = Filter(db, filter, late);
        var count = await CountAsync(db, query, filter, cancellationToken);
        var rows = await Sort(query, db, page.SortBy, page.Descending, late).PageAsync(page, count, q => Project(q, db, late), cancellationToken);
        return count.PageOf(rows.Select(WithAge).ToList());
    }

    /// <summary>Every row the filters match, in the board's order, one at a time (for the export).</summary>
    public async IAsyncEnumerable<BackorderRow> StreamAsync(
        BackorderFilter filter, string? sortBy, bool descending, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var late = await AllocationRules.LateDeliveryAsync(db, clock, cancellationToken);
        var query = Project(Sort(Filter(db, filter, late), db, sortBy, descending, late), db, late).AsAsyncEnumerable();
        await foreach (var row in query.WithCancellation(cancellationToken))
        {
            yield return WithAge(row);
        }
    }

    public async Task<IReadOnlyList<LookupOption>> SearchCustomersAsync(string? term, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Lookups.CustomersAsync(db, term, activeOnly: false, cancellationToken);
    }

    public async Task<IReadOnlyList<LookupOption>> SearchProductsAsync(string? term, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Lookups.ProductsAsync(db, term, activeOnly: false, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> RepsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Lookups.RepsAsync(db, cancellationToken);
    }

    // The whole board, or one product's lines, is the number of waiting lines the allocation run keeps per product and
    // warehouse: a few thousand rows read instead of every waiting line counted. Other filters count their own lines.
    private static async Task<ListCount> CountAsync(
        PortalDbContext db, IQueryable<SalesOrderLine> query, BackorderFilter filter, CancellationToken cancellationToken)
    {
        if (filter with { ProductId = null } != new BackorderFilter())
        {
            return await Counting.CountAsync(query, cancellationToken);
        }

        var figures = filter.ProductId is { } productId ? db.ProductShortages.Where(s => s.ProductId == productId) : db.ProductShortages;
        return new ListCount(await figures.SumAsync(s => s.Lines, cancellationToken));
    }

    private static IQueryable<SalesOrderLine> Filter(PortalDbContext db, BackorderFilter filter, DateOnly? late)
    {
        var query = db.SalesOrderLines.AsNoTracking().Where(l => l.Backordered > 0);
        if (!string.IsNullOrWhiteSpace(filter.SalesRep))
        {
            query = query.Where(l => l.Order.SalesRep == filter.SalesRep);
        }

        if (filter.CustomerId is { } customerId)
        {
            query = query.Where(l => l.CustomerId == customerId);
        }

        if (filter.ProductId is { } productId)
        {
            query = query.Where(l => l.ProductId == productId);
        }

        if (filter.EtaFrom is not null || filter.EtaTo is not null)
        {
            // A line behind a late purchase order ships on the late-delivery date (stored as none, see StoredEta): all of
            // them are in the range or none is. The rest are compared on their stored date, through the ETA index.
            var from = filter.EtaFrom ?? DateOnly.MinValue;
            var to = filter.EtaTo ?? DateOnly.MaxValue;
            var lateInRange = late is { } day && day >= from && day <= to;
            query = query.Where(l => (!l.EtaOverdue && l.EtaDate >= from && l.EtaDate <= to) || (lateInRange && l.EtaOverdue));
        }

        if (filter.NoPurchaseOrder)
        {
            query = query.Where(l => l.EtaPurchaseOrderId == null);
        }

        return query;
    }

    // Every sort ends on the line id in its own direction, so descending is the exact reverse of ascending (one index read
    // either way, on SQLite too, which cannot read an index forwards on one column and backwards on the next).
    private static IQueryable<SalesOrderLine> Sort(IQueryable<SalesOrderLine> query, PortalDbContext db, string? sortBy, bool d, DateOnly? late)
    {
        if (sortBy == BackorderSort.Product)
        {
            // Lines have no product navigation: the SKU comes from a join, so products are walked in SKU order and each
            // one's waiting lines read through the waiting-lines-by-product index.
            return query.Join(db.Products, l => l.ProductId, p => p.Id, (l, p) => new { Line = l, p.Sku })
                .OrderBy(x => x.Sku, d).ThenBy(x => x.Line.Id, d).Select(x => x.Line);
        }

        if (sortBy == BackorderSort.Customer)
        {
            // The same through the line's copy of its customer: customers by name, each one's waiting lines oldest first.
            return query.Join(db.Customers, l => l.CustomerId, c => c.Id, (l, c) => new { Line = l, c.Name })
                .OrderBy(x => x.Name, d).ThenBy(x => x.Line.CustomerId, d).ThenBy(x => x.Line.PlacedAt, d).ThenBy(x => x.Line.Id, d)
                .Select(x => x.Line);
        }

        var (sorted, descending) = sortBy switch
        {
            BackorderSort.Order => (query.OrderBy(l => l.SalesOrderId, d).ThenBy(l => l.LineNumber, d), d),
            BackorderSort.Quantity => (query.OrderBy(l => l.Backordered, d), d),
            // Earliest first: lines behind a late purchase order (the late-delivery date, the earliest any waiting line
            // can have: a stored date rests on supply still to come), then stored dates, then unknown ones, read from the
            // ETA index. Latest first keeps unknown dates last, as on the shortage board, so it sorts what it reads.
            BackorderSort.Eta when !d => (query.OrderByDescending(l => l.EtaOverdue).ThenByNullsLast(l => l.EtaDate, db.Database.IsNpgsql()), false),
            BackorderSort.Eta => (query.OrderBy(l => (l.EtaDate ?? (l.EtaOverdue ? late : null)) == null)
                .ThenByDescending(l => l.EtaDate ?? (l.EtaOverdue ? late : null)), true),
            BackorderSort.Value => (query.OrderBy(l => l.UnitPrice * l.Backordered, d), d),
            BackorderSort.PurchaseOrder => (query.OrderBy(l => l.EtaPurchaseOrderId, d), d),
            // Oldest first is the board's natural order; ascending age is newest first. The line's own copy of its order's
            // placed time is indexed with the waiting lines.
            BackorderSort.Age => (query.OrderBy(l => l.PlacedAt, !d), !d),
            _ => (query.OrderBy(l => l.PlacedAt), false),
        };
        return sorted.ThenBy(l => l.Id, descending);
    }

    private static IQueryable<BackorderRow> Project(IQueryable<SalesOrderLine> query, PortalDbContext db, DateOnly? late) =>
        query.Join(db.Products, l => l.ProductId, p => p.Id, (l, p) => new BackorderRow(
            l.SalesOrderId, l.LineNumber, l.Order.CustomerId, l.Order.Customer.Code, l.Order.Customer.Name, p.Sku, p.Name, l.Backordered,
            l.Order.PlacedAt, 0, l.EtaDate ?? (l.EtaOverdue ? late : null), l.EtaBasis, l.EtaOverdue, l.UnitPrice, l.EtaPurchaseOrderId, l.EtaNote, l.Order.SalesRep));

    // Age is calendar days since the order was placed (docs/quantities-and-states.md#figures), counted against today's
    // date in UTC.
    private BackorderRow WithAge(BackorderRow row) =>
        row with { AgeDays = clock.Today().DayNumber - DateOnly.FromDateTime(row.PlacedAt.UtcDateTime).DayNumber };
}
