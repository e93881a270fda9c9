using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Admin;
using Portal.Domain.Allocation;
using Portal.Features.Allocation;

namespace Portal.Features.Purchasing.Redistribution;

/// <summary>
/// Redistribute (docs/allocation.md#redistribute) as Purchasing sees it: the preview in names and numbers, and a confirm
/// that applies exactly the plan previewed through <see cref="AllocationService.RedistributeAsync"/>, refused when the
/// orders or stock changed since; the normal run then re-projects the dates and tells the customers.
/// </summary>
public sealed class RedistributionService(
    IDbContextFactory<PortalDbContext> dbFactory, AllocationService allocation, AllocationScheduler scheduler, TimeProvider clock)
{
    /// <summary>The plan for every pool of the product; null when there is no such product.</summary>
    public async Task<RedistributionPreview?> PreviewAsync(int productId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var product = await db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => new { p.Sku, p.Name }).SingleOrDefaultAsync(cancellationToken);
        if (product is null)
        {
            return null;
        }

        var plans = await allocation.PlanRedistributionAsync(productId, cancellationToken);
        var lineIds = plans.SelectMany(p => p.Plan.Lines).Select(l => l.LineId).ToList();
        var customers = await db.SalesOrderLines.AsNoTracking().Where(l => lineIds.Contains(l.Id))
            .Select(l => new { l.Id, l.Order.Customer.Name }).ToDictionaryAsync(l => l.Id, l => l.Name, cancellationToken);
        var warehouses = await db.Warehouses.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.Code, cancellationToken);

        var pools = plans.Select(p => new PoolPreview(p.WarehouseId, warehouses.GetValueOrDefault(p.WarehouseId, "?"), p.Plan.OnHand,
                p.Plan.AllocatedBefore, p.Plan.AllocatedAfter,
                Shown(p.Plan).Select(l => new PreviewLine(l.LineId, l.Line.OrderId, l.Line.LineNumber, customers.GetValueOrDefault(l.LineId, "?"),
                    l.Line.PriorityTier, l.Line.Expedite, l.Line.OrderOnHold, l.Line.RequestedShipDate, l.Line.PlacedAt, l.Line.Open,
                    l.AllocatedBefore, l.AllocatedAfter, l.Explanation)).ToList()))
            .ToList();
        return new RedistributionPreview(productId, product.Sku, product.Name, pools);
    }

    /// <summary>Applies <paramref name="preview"/>; returns null when done, or why nothing was written.</summary>
    public async Task<string?> ConfirmAsync(RedistributionPreview preview, string user, CancellationToken cancellationToken = default)
    {
        if (!preview.ChangesAnything)
        {
            return "The preview moves no stock, so there is nothing to confirm.";
        }

        var audit = new AuditEvent(clock.GetUtcNow(), user, "Product", preview.Sku, "Redistributed", Describe(preview));
        var (outcome, difference) = await allocation.RedistributeAsync(preview.ProductId, plans => Difference(preview, plans), audit, cancellationToken);
        switch (outcome)
        {
            case RedistributionOutcome.PlanChanged:
                return $"The orders or stock for {preview.Sku} changed since the preview ({difference}). Nothing was saved: "
                       + "look at the new preview and confirm again.";
            case RedistributionOutcome.Conflict:
                return $"Someone changed the orders or stock for {preview.Sku} while this was being saved. Nothing was saved: look at the new preview and confirm again.";
            default:
                await scheduler.RequestAsync([preview.ProductId], cancellationToken);
                return null;
        }
    }

    // Lines with nothing open and nothing reserved are in the pool only because a customer has news to hear.
    private static IEnumerable<RedistributionLine> Shown(RedistributionPlan plan) =>
        plan.Lines.Where(l => l.Line.Open > 0 || l.AllocatedBefore > 0 || l.AllocatedAfter > 0);

    /// <summary>The first way the plan now differs from the one previewed, in words; null when it is the same plan.</summary>
    private static string? Difference(RedistributionPreview preview, IReadOnlyList<WarehousePlan> plans)
    {
        var seen = preview.Pools.ToDictionary(p => p.WarehouseId);
        foreach (var (warehouseId, plan) in plans)
        {
            if (!seen.Remove(warehouseId, out var before))
            {
                return "a warehouse has new orders or stock for it";
            }

            if (before.OnHand != plan.OnHand)
            {
                return $"{before.Warehouse}: {before.OnHand} on hand then, {plan.OnHand} now";
            }

            var now = Shown(plan).ToList();
            var then = before.Lines.ToDictionary(l => l.LineId);
            foreach (var line in now)
            {
                if (!then.Remove(line.LineId, out var old))
                {
                    return $"{Domain.Sales.SalesOrder.Format(line.Line.OrderId)} line {line.Line.LineNumber} is new";
                }

                if ((old.Open, old.Before, old.After, old.OnHold) != (line.Line.Open, line.AllocatedBefore, line.AllocatedAfter, line.Line.OrderOnHold))
                {
                    return $"{old.OrderNumber} line {old.LineNumber} changed";
                }
            }

            if (then.Values.FirstOrDefault() is { } gone)
            {
                return $"{gone.OrderNumber} line {gone.LineNumber} no longer waits";
            }
        }

        return seen.Values.FirstOrDefault() is { } emptied ? $"{emptied.Warehouse} has nothing left to redistribute" : null;
    }

    private static string Describe(RedistributionPreview preview) =>
        string.Join("; ", preview.Pools.Where(p => p.Lines.Any(l => l.Change != 0)).Select(p =>
            $"{p.Warehouse}: " + string.Join(", ", p.Lines.Where(l => l.Change != 0)
                .Select(l => $"{l.OrderNumber} line {l.LineNumber} {l.Before} → {l.After}"))));
}
