using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Admin;
using Portal.Domain.Common;
using Portal.Domain.Sales;
using Portal.Features.Allocation;
using Portal.Features.Sales.Common;
using Portal.Features.Common;

namespace Portal.Features.Sales.Customers;

/// <summary>
/// Customers: a paged list and one customer's card, editable with optimistic concurrency. A new priority tier
/// reorders the customer's waiting lines, so those products are marked for allocation with the change.
/// </summary>
public sealed class CustomerService(IDbContextFactory<PortalDbContext> dbFactory, AllocationScheduler scheduler, TimeProvider clock)
{
    public async Task<Page<CustomerListRow>> ListAsync(CustomerFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Customers.AsNoTracking();
        if (!filter.IncludeInactive)
        {
            query = query.Where(c => c.IsActive);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToUpperInvariant();
            query = query.Where(c => c.Code.StartsWith(term) || c.Name.ToUpper().Contains(term) || (c.Email != null && c.Email.ToUpper().Contains(term)));
        }

        if (!string.IsNullOrWhiteSpace(filter.SalesRep))
        {
            query = query.Where(c => c.SalesRep == filter.SalesRep);
        }

        var total = await query.CountAsync(cancellationToken);
        var d = page.Descending;
        query = page.SortBy switch
        {
            nameof(CustomerListRow.Code) => d ? query.OrderByDescending(c => c.Code) : query.OrderBy(c => c.Code),
            nameof(CustomerListRow.PriorityTier) => d ? query.OrderByDescending(c => c.PriorityTier).ThenBy(c => c.Name) : query.OrderBy(c => c.PriorityTier).ThenBy(c => c.Name),
            nameof(CustomerListRow.SalesRep) => d ? query.OrderByDescending(c => c.SalesRep).ThenBy(c => c.Name) : query.OrderBy(c => c.SalesRep).ThenBy(c => c.Name),
            _ => d ? query.OrderByDescending(c => c.Name).ThenBy(c => c.Id) : query.OrderBy(c => c.Name).ThenBy(c => c.Id),
        };
        var customers = await query.Skip(page.SafeSkip).Take(page.SafeTake).ToListAsync(cancellationToken);

        var ids = customers.Select(c => c.Id).ToList();
        var open = await ActiveOrders(db).Where(o => ids.Contains(o.CustomerId)).GroupBy(o => o.CustomerId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var waiting = await db.SalesOrderLines.Where(l => l.Backordered > 0 && ids.Contains(l.Order.CustomerId)).GroupBy(l => l.Order.CustomerId)
            .Select(g => new { g.Key, Units = g.Sum(l => l.Backordered) }).ToDictionaryAsync(g => g.Key, g => g.Units, cancellationToken);
        var rows = customers.Select(c => new CustomerListRow(c.Id, c.Code, c.Name, c.Email, c.PriorityTier, c.ShipCompleteDefault,
            c.NotificationsOptOut, c.IsActive, c.SalesRep, open.GetValueOrDefault(c.Id), waiting.GetValueOrDefault(c.Id))).ToList();
        return new Page<CustomerListRow>(rows, total);
    }

    public async Task<CustomerDetail?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (c is null)
        {
            return null;
        }

        var openOrders = await ActiveOrders(db).CountAsync(o => o.CustomerId == id, cancellationToken);
        var waiting = db.SalesOrderLines.Where(l => l.Backordered > 0 && l.Order.CustomerId == id);
        var units = await waiting.SumAsync(l => (int?)l.Backordered, cancellationToken) ?? 0;
        var value = await waiting.SumAsync(l => (decimal?)(l.UnitPrice * l.Backordered), cancellationToken) ?? 0;
        var history = await db.AuditEvents.AsNoTracking()
            .Where(a => a.Entity == SalesAudit.Customer && a.EntityId == c.Code)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(20)
            .Select(a => new CustomerHistoryEntry(a.At, a.User, a.Action, a.Details))
            .ToListAsync(cancellationToken);
        var form = new CustomerForm
        {
            Name = c.Name, Email = c.Email, PriorityTier = c.PriorityTier, ShipCompleteDefault = c.ShipCompleteDefault,
            NotificationsOptOut = c.NotificationsOptOut, SalesRep = c.SalesRep, ShippingAddress = c.ShippingAddress, IsActive = c.IsActive, Version = c.Version,
        };
        return new CustomerDetail(c.Id, c.Code, form, openOrders, units, value, history);
    }

    public async Task<IReadOnlyList<string>> RepsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Lookups.RepsAsync(db, cancellationToken);
    }

    /// <summary>Saves unless someone else saved the customer since <paramref name="form"/> was read; null when saved, else why not.</summary>
    public async Task<string?> SaveAsync(int id, CustomerForm form, string user, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<int> products;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var customer = await db.Customers.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (customer is null)
            {
                return "That customer no longer exists.";
            }

            db.Entry(customer).Property(c => c.Version).OriginalValue = form.Version;
            var tierBefore = customer.PriorityTier;
            var changes = CustomerChanges.Apply(customer, form);
            if (changes.Count == 0)
            {
                return "Nothing changed.";
            }

            var now = clock.GetUtcNow();
            db.AuditEvents.Add(new AuditEvent(now, user, SalesAudit.Customer, customer.Code, "Changed", string.Join("; ", changes)));
            await db.SaveChangesAsync(cancellationToken);

            // Priority decides who gets stock first: the customer's waiting lines may move in the queue.
            products = customer.PriorityTier == tierBefore ? [] : await ChangeTierOfActiveOrdersAsync(db, id, customer.PriorityTier, cancellationToken);
            await AllocationFlags.MarkAsync(db, products, $"Priority tier of {customer.Code}", now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            return e.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            return "Someone else changed this customer while you were editing. Nothing was saved: reload to see their change, then try again.";
        }

        if (products.Count > 0)
        {
            await scheduler.RequestAsync(products, cancellationToken);
        }

        return null;
    }

    // Orders and their lines carry the tier they are allocated by; new versions make a running allocation start over.
    private static async Task<IReadOnlyList<int>> ChangeTierOfActiveOrdersAsync(
        PortalDbContext db, int customerId, int tier, CancellationToken cancellationToken)
    {
        var orders = ActiveOrders(db).Where(o => o.CustomerId == customerId);
        await orders.ExecuteUpdateAsync(s => s.SetProperty(o => o.PriorityTier, tier).SetProperty(o => o.Version, o => o.Version + 1), cancellationToken);
        var lines = db.SalesOrderLines.Where(l => orders.Any(o => o.Id == l.SalesOrderId));
        await lines.ExecuteUpdateAsync(s => s.SetProperty(l => l.PriorityTier, tier).SetProperty(l => l.Version, l => l.Version + 1), cancellationToken);
        return await lines.Where(l => l.Backordered > 0).Select(l => l.ProductId).Distinct().ToListAsync(cancellationToken);
    }

    private static IQueryable<SalesOrder> ActiveOrders(PortalDbContext db) =>
        db.SalesOrders.Where(o => o.Status == OrderStatus.Open || o.Status == OrderStatus.OnHold || o.Status == OrderStatus.PartiallyShipped);
}
