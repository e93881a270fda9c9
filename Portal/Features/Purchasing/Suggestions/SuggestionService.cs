using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Allocation;
using Portal.Features.Allocation;
using Portal.Features.Common;
using Portal.Features.Purchasing.PurchaseOrders;
using Portal.Features.Purchasing.Shortages;

namespace Portal.Features.Purchasing.Suggestions;

/// <summary>
/// Suggested order quantities from the shortage board's figures, grouped by supplier and warehouse, and raising a
/// purchase order for them through <see cref="PurchaseOrderService"/>.
/// </summary>
public sealed class SuggestionService(IDbContextFactory<PortalDbContext> dbFactory, PurchaseOrderService purchaseOrders, TimeProvider clock)
{
    /// <summary>No purchase order gets more lines than a buyer can check.</summary>
    public const int MaxLines = 500;

    public async Task<IReadOnlyList<SupplierSuggestion>> SuppliersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var groups = await ShortageBoardSql.Query(db).Where(r => r.Uncovered > 0)
            .GroupBy(r => new { r.SupplierId, r.Supplier, r.WarehouseId, r.Warehouse })
            .Select(g => new SupplierSuggestion(g.Key.SupplierId, g.Key.Supplier, g.Key.WarehouseId, g.Key.Warehouse, g.Count(),
                g.Sum(r => r.Uncovered), g.Sum(r => (r.Uncovered + r.PackSize - 1) / r.PackSize * r.PackSize), g.Sum(r => r.ValueAtRisk)))
            .ToListAsync(cancellationToken);

        // Products without a supplier last: they need a supplier before anyone can order them.
        return groups.OrderBy(g => g.SupplierId is null).ThenByDescending(g => g.ValueAtRisk).ThenBy(g => g.Supplier).ThenBy(g => g.Warehouse).ToList();
    }

    public async Task<IReadOnlyList<SuggestedLine>> LinesAsync(int? supplierId, int warehouseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await ShortageBoardSql.Query(db)
            .Where(r => r.Uncovered > 0 && r.WarehouseId == warehouseId && r.SupplierId == supplierId)
            .OrderBy(r => r.NeedDate).ThenBy(r => r.Sku)
            .Take(MaxLines)
            .ToListAsync(cancellationToken);
        var calendar = await AllocationRules.CalendarAsync(db, cancellationToken);
        var lastCosts = await LastCosts.ForAsync(db, rows.Select(r => r.ProductId).ToList(), cancellationToken);
        var today = Today;
        return rows.Select(r => new SuggestedLine(r.ProductId, r.Sku, r.Product, r.Backordered, r.Available, r.OnOrder, r.Uncovered, r.PackSize,
                OrderSuggestion.Quantity(r.Uncovered, r.PackSize), r.LeadTimeDays,
                r.LeadTimeDays is { } days ? calendar.AddBusinessDays(today, days) : null, r.NeedDate,
                lastCosts.TryGetValue(r.ProductId, out var cost) ? cost : null))
            .ToList();
    }

    /// <summary>One click: a purchase order for every suggested line of the supplier and warehouse, as suggested.</summary>
    public async Task<(int? Id, string? Error)> RaiseSuggestedAsync(int supplierId, int warehouseId, string user)
    {
        var lines = await LinesAsync(supplierId, warehouseId);
        if (lines.FirstOrDefault(l => l.LastCost is null) is { } neverBought)
        {
            return (null, $"{neverBought.Sku} was never bought before, so there is no last cost to order it at: review the lines and enter its unit cost.");
        }

        return lines.Count == 0
            ? (null, "Nothing from this supplier is uncovered any more.")
            : await RaiseAsync(supplierId, warehouseId, lines.Select(l => new SuggestedOrderLine(l.ProductId, l.SuggestedQuantity, l.ExpectedDate, l.LastCost)).ToList(), user);
    }

    /// <summary>Raises one purchase order for the lines; returns its id, or why it was refused (nothing saved).</summary>
    public async Task<(int? Id, string? Error)> RaiseAsync(int supplierId, int warehouseId, IReadOnlyList<SuggestedOrderLine> lines, string user)
    {
        if (lines.Count == 0)
        {
            return (null, "Pick at least one line to order.");
        }

        if (lines.Count > MaxLines)
        {
            return (null, $"A purchase order takes at most {MaxLines} lines; order the rest on another one.");
        }

        if (lines.FirstOrDefault(l => l.ExpectedDate is null) is { } undated)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var sku = await db.Products.Where(p => p.Id == undated.ProductId).Select(p => p.Sku).SingleOrDefaultAsync();
            return (null, $"{sku ?? "A product"} has no lead time, so there is no expected date to suggest: pick one.");
        }

        return await purchaseOrders.CreateAsync(supplierId, warehouseId,
            lines.Select(l => new NewPurchaseOrderLine(l.ProductId, l.Quantity, l.ExpectedDate!.Value, l.UnitCost)).ToList(), user);
    }

    private DateOnly Today => clock.Today();
}
