using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Admin;
using Portal.Domain.Common;
using Portal.Domain.Sales;
using Portal.Features.Allocation;
using Portal.Features.Common;
using Portal.Features.Sales.Common;

namespace Portal.Features.Sales.OrderEntry;

/// <summary>
/// Order entry: find customers and products, preview the promise of the unsaved order, and create it. Creating
/// saves the order, audits it and marks its products in one transaction, then runs the allocation for those products
/// at once, so the order page opens on real allocations and dates.
/// </summary>
public sealed class OrderEntryService(
    IDbContextFactory<PortalDbContext> dbFactory,
    AllocationService allocation,
    AllocationScheduler scheduler,
    TimeProvider clock,
    ILogger<OrderEntryService> logger)
{
    public async Task<OrderEntryStart> StartAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var warehouses = await db.Warehouses.AsNoTracking().OrderBy(w => w.Id)
            .Select(w => new WarehouseOption(w.Id, w.Code, w.Name)).ToListAsync(cancellationToken);
        return new OrderEntryStart(warehouses, Today);
    }

    public async Task<IReadOnlyList<LookupOption>> SearchCustomersAsync(string? term, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Lookups.CustomersAsync(db, term, activeOnly: false, cancellationToken);
    }

    public async Task<IReadOnlyList<LookupOption>> SearchProductsAsync(string? term, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Lookups.ProductsAsync(db, term, activeOnly: true, cancellationToken);
    }

    public async Task<OrderCustomer?> GetCustomerAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Customers.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new OrderCustomer(c.Id, c.Code, c.Name, c.PriorityTier, c.ShipCompleteDefault, c.IsActive, c.Email, c.NotificationsOptOut))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<OrderProduct?> GetProductAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Products.AsNoTracking().Where(p => p.Id == id && p.IsActive)
            .Select(p => new OrderProduct(p.Id, p.Sku, p.Name, p.UnitPrice, p.Currency))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The engine's promise for the draft as if it were saved now, last in its priority class.</summary>
    public async Task<OrderPreview> PreviewAsync(OrderDraft draft, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rules = await AllocationRules.LoadAsync(db, clock, cancellationToken);
        var tier = draft.CustomerId is { } customerId
            ? await db.Customers.Where(c => c.Id == customerId).Select(c => (int?)c.PriorityTier).SingleOrDefaultAsync(cancellationToken)
            : null;
        var productIds = await ActiveProductIdsAsync(db, draft, cancellationToken);
        var pools = await PromisePools.LoadAsync(db, draft.WarehouseId, productIds, cancellationToken);
        return PromiseCalculator.Preview(draft, tier ?? Customer.LowestTier, pools, rules, clock.GetUtcNow());
    }

    public async Task<CreateOrderResult> CreateAsync(OrderDraft draft, string user, CancellationToken cancellationToken = default)
    {
        int orderId;
        IReadOnlyList<int> productIds;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var order = await OrderBuilder.BuildAsync(db, draft, user, now, cancellationToken);
            db.SalesOrders.Add(order);
            await db.SaveChangesAsync(cancellationToken);

            db.AuditEvents.Add(new AuditEvent(now, user, SalesAudit.Order, order.Number, "Created", await OrderBuilder.DescribeAsync(db, order, cancellationToken)));
            await db.SaveChangesAsync(cancellationToken);
            productIds = order.Lines.Select(l => l.ProductId).Distinct().ToList();
            await AllocationFlags.MarkAsync(db, productIds, $"New order {order.Number}", now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            orderId = order.Id;
        }
        catch (DomainException e)
        {
            return CreateOrderResult.Refused(e.Message);
        }

        await AllocateNowAsync(productIds, cancellationToken);
        return new CreateOrderResult(orderId, null);
    }

    private DateOnly Today => clock.Today();

    private static async Task<IReadOnlyCollection<int>> ActiveProductIdsAsync(PortalDbContext db, OrderDraft draft, CancellationToken cancellationToken)
    {
        var ids = draft.Lines.Select(l => l.ProductId).Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Products.Where(p => ids.Contains(p.Id) && p.IsActive).Select(p => p.Id).ToListAsync(cancellationToken);
    }

    private async Task AllocateNowAsync(IReadOnlyList<int> productIds, CancellationToken cancellationToken)
    {
        try
        {
            await allocation.RunAsync(productIds, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The order is saved and its products are marked: the scheduler (or its sweep) allocates it anyway.
            logger.LogWarning(e, "Allocating a new order's products at once failed; asking the scheduler instead.");
            await scheduler.RequestAsync(productIds, cancellationToken);
        }
    }
}
