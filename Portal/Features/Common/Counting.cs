using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Common;

/// <summary>
/// How many rows a list has, without counting every one of a long list: on PostgreSQL the planner's estimate when it
/// says the list is long (it keeps statistics on every column the lists filter on), an exact count otherwise. A long
/// list is shown as "about N", the way users expect a count of hundreds of thousands of rows to be.
/// </summary>
public static class Counting
{
    /// <summary>Below this many rows (as estimated) a list is counted exactly: that costs a few milliseconds.</summary>
    public const int ExactBelow = 10_000;

    /// <summary>
    /// The number of rows <paramref name="query"/> returns. <paramref name="mayEstimate"/> is false for a text search:
    /// the planner cannot know how many rows contain a fragment, so those are counted.
    /// </summary>
    public static async Task<(int Total, bool Estimated)> CountAsync<T>(
        PortalDbContext db, IQueryable<T> query, bool mayEstimate, CancellationToken cancellationToken)
    {
        if (mayEstimate && db.Database.IsNpgsql() && await EstimateAsync(db, query, cancellationToken) is >= ExactBelow and var estimate)
        {
            return ((int)Math.Min(estimate, int.MaxValue), true);
        }

        return (await query.CountAsync(cancellationToken), false);
    }

    // EXPLAIN of the list's own SELECT: the planner's row estimate, in about a millisecond.
    private static async Task<double> EstimateAsync<T>(PortalDbContext db, IQueryable<T> query, CancellationToken cancellationToken)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN (FORMAT JSON) " + command.CommandText;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var json = (string?)await command.ExecuteScalarAsync(cancellationToken) ?? "[]";
            using var plan = JsonDocument.Parse(json);
            return plan.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
