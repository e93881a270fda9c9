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
        var (total, estimated) = await CountAsync(db, query, filter, cancellationToken);
        var rows = await Sort(query, db, page.SortBy, page.Descending, late).PageAsync(page, total, estimated, q => Project(q, db, late), cancellationToken);
        return new Page<BackorderRow>(rows.Select(WithAge).ToList(), total) { Estimated = estimated };
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
    private static async Task<(int Total, bool Estimated)> CountAsync(
        PortalDbContext db, IQueryable<SalesOrderLine> query, BackorderFilter filter, CancellationToken cancellationToken)
    {
        if (filter with { ProductId = null } != new BackorderFilter())
        {
            return await Counting.CountAsync(db, query, mayEstimate: true, cancellationToken);
        }

        var figures = filter.ProductId is { } productId ? db.ProductShortages.Where(s => s.ProductId == productId) : db.ProductShortages;
        return (await figures.SumAsync(s => s.Lines, cancellationToken), false);
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

        if (filter.EtaFrom is { } from)
        {
            query = query.Where(l => (l.EtaDate ?? (l.EtaOverdue ? late : null)) >= from);
        }

        if (filter.EtaTo is { } to)
        {
            query = query.Where(l => (l.EtaDate ?? (l.EtaOverdue ? late : null)) <= to);
        }

        if (filter.NoPurchaseOrder)
        {
            query = query.Where(l => l.EtaPurchaseOrderId == null);
        }

        return query;
    }

    private static IQueryable<SalesOrderLine> Sort(IQueryable<SalesOrderLine> query, PortalDbContext db, string? sortBy, bool d, DateOnly? late)
    {
        if (sortBy == BackorderSort.Product)
        {
            // Lines have no product navigation: the SKU comes from a join, so products are walked in SKU order and each
            // one's waiting lines read through the waiting-lines-by-product index.
            return query.Join(db.Products, l => l.ProductId, p => p.Id, (l, p) => new { Line = l, p.Sku })
                .OrderBy(x => x.Sku, d).ThenBy(x => x.Line.Id).Select(x => x.Line);
        }

        var sorted = sortBy switch
        {
            BackorderSort.Customer => query.OrderBy(l => l.Order.Customer.Name, d),
            BackorderSort.Order => query.OrderBy(l => l.SalesOrderId, d).ThenBy(l => l.LineNumber),
            BackorderSort.Quantity => query.OrderBy(l => l.Backordered, d),
            // Unknown dates last either way, as on the shortage board.
            BackorderSort.Eta => query.OrderBy(l => (l.EtaDate ?? (l.EtaOverdue ? late : null)) == null)
                .ThenBy(l => l.EtaDate ?? (l.EtaOverdue ? late : null), d),
            BackorderSort.Value => query.OrderBy(l => l.UnitPrice * l.Backordered, d),
            BackorderSort.PurchaseOrder => query.OrderBy(l => l.EtaPurchaseOrderId, d),
            // Oldest first is the board's natural order; ascending age is newest first. The line's own copy of its order's
            // placed time is indexed with the waiting lines.
            BackorderSort.Age => query.OrderBy(l => l.PlacedAt, !d),
            _ => query.OrderBy(l => l.PlacedAt),
        };

        // The id last keeps paging stable when the sorted column repeats.
        return sorted.ThenBy(l => l.Id);
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
