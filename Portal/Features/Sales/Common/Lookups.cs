using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Sales.Common;

/// <summary>
/// Type-ahead searches over customers and products. Both tables are small next to order lines, and the number
/// or SKU prefix is indexed; an exact number comes first so a rep who knows it gets it at once.
/// </summary>
internal static class Lookups
{
    public const int MaxMatches = 12;

    public static async Task<IReadOnlyList<LookupOption>> CustomersAsync(
        PortalDbContext db, string? term, bool activeOnly, CancellationToken cancellationToken)
    {
        var query = db.Customers.AsNoTracking();
        if (activeOnly)
        {
            query = query.Where(c => c.IsActive);
        }

        var t = Normalize(term);
        if (t is not null)
        {
            query = query.Where(c => c.Code.StartsWith(t) || c.Name.ToUpper().Contains(t));
        }

        return await query.OrderBy(c => c.Code == t ? 0 : 1).ThenBy(c => c.Name).Take(MaxMatches)
            .Select(c => new LookupOption(c.Id, c.Code, c.Name, c.IsActive ? null : "inactive"))
            .ToListAsync(cancellationToken);
    }

    public static async Task<IReadOnlyList<LookupOption>> ProductsAsync(
        PortalDbContext db, string? term, bool activeOnly, CancellationToken cancellationToken)
    {
        var query = db.Products.AsNoTracking();
        if (activeOnly)
        {
            query = query.Where(p => p.IsActive);
        }

        var t = Normalize(term);
        if (t is not null)
        {
            query = query.Where(p => p.Sku.StartsWith(t) || p.Name.ToUpper().Contains(t));
        }

        return await query.OrderBy(p => p.Sku == t ? 0 : 1).ThenBy(p => p.Sku).Take(MaxMatches)
            .Select(p => new LookupOption(p.Id, p.Sku, p.Name, p.IsActive ? null : "inactive"))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Reps a list can filter by: those customers are assigned to (a small table, unlike orders).</summary>
    public static async Task<IReadOnlyList<string>> RepsAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        await db.Customers.AsNoTracking().Where(c => c.SalesRep != null).Select(c => c.SalesRep!).Distinct().OrderBy(r => r)
            .ToListAsync(cancellationToken);

    // Numbers and SKUs are stored upper case; names are compared upper case on both providers.
    private static string? Normalize(string? term) =>
        string.IsNullOrWhiteSpace(term) ? null : term.Trim().ToUpperInvariant();
}
