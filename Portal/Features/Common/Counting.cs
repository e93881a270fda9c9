using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Common;

/// <summary>
/// How many rows a list has, without counting every one of a long list. On PostgreSQL: the planner's estimate when it
/// says the list is long (it keeps statistics on every column the lists filter on), shown as "about N". Elsewhere there
/// is no estimate to ask, so counting stops at <see cref="ExactBelow"/> and a longer list says "more than 10,000".
/// Short lists, and every searched one, are counted exactly: that costs a few milliseconds.
/// </summary>
public static class Counting
{
    /// <summary>Below this many rows (as estimated) a list is counted exactly: that costs a few milliseconds.</summary>
    public const int ExactBelow = 10_000;

    /// <summary>
    /// The number of rows <paramref name="query"/> returns. <paramref name="mayEstimate"/> is false for a text search:
    /// the planner cannot know how many rows contain a fragment, so those are counted.
    /// </summary>
    public static async Task<ListCount> CountAsync<T>(PortalDbContext db, IQueryable<T> query, bool mayEstimate, CancellationToken cancellationToken)
    {
        if (!mayEstimate)
        {
            return new ListCount(await query.CountAsync(cancellationToken));
        }

        if (!db.Database.IsNpgsql())
        {
            var counted = await query.Take(ExactBelow + 1).CountAsync(cancellationToken);
            return counted > ExactBelow ? new ListCount(ExactBelow, Estimated: true, MoreThan: true) : new ListCount(counted);
        }

        var estimate = await EstimateAsync(db, query, cancellationToken);
        return estimate >= ExactBelow
            ? new ListCount((int)Math.Min(estimate, int.MaxValue), Estimated: true)
            : new ListCount(await query.CountAsync(cancellationToken));
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

/// <summary>A list's row count: exact, the database's estimate, or the limit counting stopped at.</summary>
public readonly record struct ListCount(int Total, bool Estimated = false, bool MoreThan = false)
{
    /// <summary>The words before the total: "about " for an estimate, "more than " when counting stopped.</summary>
    public string Words => MoreThan ? "more than " : Estimated ? "about " : "";

    /// <summary>A page of the list this counts.</summary>
    public Page<T> PageOf<T>(IReadOnlyList<T> rows) => new(rows, Total) { Count = this };
}
