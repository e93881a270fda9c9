using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction on a fresh context and commits; when a concurrent change wins
    /// the race (a row version moved), starts again from fresh data. For changes that do not depend on what a user
    /// saw on screen (a receipt adds to stock whatever the count is now); a stale edit is reported instead.
    /// </summary>
    public static async Task<T> RetryOnConflictAsync<T>(
        this IDbContextFactory<PortalDbContext> dbFactory, Func<PortalDbContext, Task<T>> work, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var result = await work(db);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt), cancellationToken);
            }
        }
    }
}
