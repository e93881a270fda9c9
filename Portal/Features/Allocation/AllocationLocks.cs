using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Allocation;

/// <summary>
/// Keeps runs for one product from overlapping across portal instances. On PostgreSQL each run takes transaction
/// advisory locks: a product run holds its products (in id order, so two runs never deadlock) and a shared lock on
/// "all products"; the full run holds that one exclusively. SQLite needs none: its transactions take the
/// database's single write lock when they begin.
/// </summary>
internal static class AllocationLocks
{
    private const int AllProductsKey = 7_001;
    private const int ProductKeySpace = 7_002;

    public static async Task AcquireAsync(PortalDbContext db, IReadOnlyCollection<int>? productIds, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        if (productIds is null)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AllProductsKey}, 0)", cancellationToken);
            return;
        }

        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock_shared({AllProductsKey}, 0)", cancellationToken);
        var ordered = productIds.Distinct().Order().ToArray();
        await db.Database.ExecuteSqlRawAsync(
            $"SELECT count(pg_advisory_xact_lock({ProductKeySpace}, id)) FROM (SELECT unnest({{0}}::int[]) AS id ORDER BY 1) AS products",
            [ordered], cancellationToken);
    }
}
