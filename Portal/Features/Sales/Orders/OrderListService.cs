using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Allocation;
using Portal.Domain.Sales;
using Portal.Features.Allocation;
using Portal.Features.Sales.Common;
using Portal.Features.Common;

namespace Portal.Features.Sales.Orders;

/// <summary>
/// The orders list, paged, sorted and filtered in SQL. Filters and sorts touch only order columns (indexed by
/// customer, status and rep, each with the placed time); per-order figures are summed for the one page shown,
/// so a million lines cost what twenty-five orders cost.
/// </summary>
public sealed class OrderListService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Page<OrderListRow>> ListAsync(OrderFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Filter(db.SalesOrders.AsNoTracking(), filter);
        var count = await Counting.CountAsync(query, cancellationToken);
        var orders = await Sort(query, page).PageAsync(page, count, q => q
            .Select(o => new
            {
                o.Id, o.PlacedAt, o.CustomerId, o.Customer.Code, o.Customer.Name, o.SalesRep, o.Status, o.Expedite, o.ShipComplete,
                o.RequestedShipDate,
            }), cancellationToken);

        var ids = orders.Select(o => o.Id).ToList();
        var figures = await db.SalesOrderLines.AsNoTracking()
            .Where(l => ids.Contains(l.SalesOrderId))
            .GroupBy(l => l.SalesOrderId)
            .Select(g => new
            {
                OrderId = g.Key,
                Lines = g.Count(),
                Backordered = g.Sum(l => l.Backordered),
                Value = g.Sum(l => l.UnitPrice * (l.Ordered - l.Cancelled)),
                // A stored date rests on supply still to come, so it is later than a late PO's, which is later than
                // an allocated line's (see StoredEta).
                LatestStored = g.Max(l => l.Backordered > 0 ? l.EtaDate : null),
                AnyLate = g.Max(l => l.Backordered > 0 && l.EtaOverdue ? 1 : 0) == 1,
                AnyAllocated = g.Max(l => l.EtaBasis == EtaBasis.Allocated ? 1 : 0) == 1, // nothing left waiting on the line
            })
            .ToDictionaryAsync(f => f.OrderId, cancellationToken);
        var shipDates = (await AllocationRules.LoadAsync(db, clock, cancellationToken)).ShipDates;

        var rows = orders.Select(o =>
        {
            var f = figures.GetValueOrDefault(o.Id);
            return new OrderListRow(o.Id, o.PlacedAt, o.CustomerId, o.Code, o.Name, o.SalesRep, o.Status, o.Expedite, o.ShipComplete,
                o.RequestedShipDate, f?.Lines ?? 0, f?.Backordered ?? 0, f?.Value ?? 0,
                f is null ? null : f.LatestStored ?? (f.AnyLate ? shipDates.LateDelivery : f.AnyAllocated ? shipDates.InStock : null));
        }).ToList();
        return count.PageOf(rows);
    }

    public async Task<IReadOnlyList<LookupOption>> SearchCustomersAsync(string? term, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Lookups.CustomersAsync(db, term, activeOnly: false, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> RepsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Lookups.RepsAsync(db, cancellationToken);
    }

    internal static IQueryable<SalesOrder> Filter(IQueryable<SalesOrder> query, OrderFilter filter)
    {
        query = filter.Status switch
        {
            OrderStatusFilter.Active => query.Where(o =>
                o.Status == OrderStatus.Open || o.Status == OrderStatus.OnHold || o.Status == OrderStatus.PartiallyShipped),
            OrderStatusFilter.Open => query.Where(o => o.Status == OrderStatus.Open),
            OrderStatusFilter.OnHold => query.Where(o => o.Status == OrderStatus.OnHold),
            OrderStatusFilter.PartiallyShipped => query.Where(o => o.Status == OrderStatus.PartiallyShipped),
            OrderStatusFilter.Shipped => query.Where(o => o.Status == OrderStatus.Shipped),
            OrderStatusFilter.Cancelled => query.Where(o => o.Status == OrderStatus.Cancelled),
            _ => query,
        };

        if (filter.CustomerId is { } customerId)
        {
            query = query.Where(o => o.CustomerId == customerId);
        }

        if (!string.IsNullOrWhiteSpace(filter.SalesRep))
        {
            query = query.Where(o => o.SalesRep == filter.SalesRep);
        }

        if (filter.PlacedFrom is { } from)
        {
            var start = StartOfDay(from);
            query = query.Where(o => o.PlacedAt >= start);
        }

        if (filter.PlacedTo is { } to)
        {
            var end = StartOfDay(to.AddDays(1));
            query = query.Where(o => o.PlacedAt < end);
        }

        if (filter.BackorderedOnly)
        {
            // EXISTS over the order's own lines, found through the (order, line number) index.
            query = query.Where(o => o.Lines.Any(l => l.Backordered > 0));
        }

        return query;
    }

    private static IQueryable<SalesOrder> Sort(IQueryable<SalesOrder> query, PageRequest page)
    {
        var d = page.Descending;
        // Every order ends on the id, so paging is stable when the sorted column repeats.
        return page.SortBy switch
        {
            OrderSort.Number => d ? query.OrderByDescending(o => o.Id) : query.OrderBy(o => o.Id),
            OrderSort.Customer => d ? query.OrderByDescending(o => o.Customer.Name).ThenByDescending(o => o.Id) : query.OrderBy(o => o.Customer.Name).ThenBy(o => o.Id),
            // Descending is the exact reverse of ascending, so one index (status, rep or requested date, then time) serves both.
            OrderSort.Status => query.OrderBy(o => o.Status, d).ThenBy(o => o.PlacedAt, d).ThenBy(o => o.Id, d),
            OrderSort.Rep => query.OrderBy(o => o.SalesRep, d).ThenBy(o => o.PlacedAt, d).ThenBy(o => o.Id, d),
            OrderSort.Requested => query.OrderBy(o => o.RequestedShipDate, d).ThenBy(o => o.Id, d),
            OrderSort.PlacedAt when !d => query.OrderBy(o => o.PlacedAt).ThenBy(o => o.Id),
            _ => query.OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.Id),
        };
    }

    private static DateTimeOffset StartOfDay(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
