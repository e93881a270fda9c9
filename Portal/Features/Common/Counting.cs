using Microsoft.EntityFrameworkCore;

namespace Portal.Features.Common;

/// <summary>
/// How many rows a list has, without counting every row of a long one: counting stops at <see cref="Limit"/>, and a
/// longer list says "more than 1,000". Counting hundreds of thousands of rows takes longer than a page may (ten
/// thousand of the pick list's orders, each tested against its lines, took half a second on SQLite), and the one
/// database that could estimate them (PostgreSQL's planner) guesses badly exactly where the lists filter on more than
/// a column: a third of the open PO lines, a sixth of the lines due in the next fortnight.
/// </summary>
public static class Counting
{
    /// <summary>Lists up to this long are counted exactly.</summary>
    public const int Limit = 1_000;

    /// <summary>The number of rows <paramref name="query"/> returns, or <see cref="Limit"/> and "more than" when there are more.</summary>
    public static async Task<ListCount> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken)
    {
        var counted = await query.Take(Limit + 1).CountAsync(cancellationToken);
        return counted > Limit ? new ListCount(Limit, MoreThan: true) : new ListCount(counted);
    }
}

/// <summary>A list's row count: exact, or the limit counting stopped at.</summary>
public readonly record struct ListCount(int Total, bool MoreThan = false)
{
    /// <summary>The words before the total: "more than " when counting stopped.</summary>
    public string Words => MoreThan ? "more than " : "";

    /// <summary>A page of the list this counts.</summary>
    public Page<T> PageOf<T>(IReadOnlyList<T> rows) => new(rows, Total) { Count = this };
}
