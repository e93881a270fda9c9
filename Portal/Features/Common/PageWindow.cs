using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Portal.Features.Common;

/// <summary>
/// Reads a page from whichever end of the sorted list is nearer. OFFSET reads and drops every row it skips, so the last
/// page of 300,000 rows costs 300,000 rows read forwards, and 25 read backwards: the same order reversed, the page's
/// rows turned round again. Every page a person can reach with the pager's buttons (first, last, and the next or
/// previous few from either) then costs about what the first does; only pages near the middle stay as dear as OFFSET.
/// </summary>
public static class PageWindow
{
    /// <summary>
    /// The page's rows in the list's order. <paramref name="project"/> shapes the page once it is cut (joins and columns
    /// for the rows shown); <paramref name="sorted"/> must end with its full ORDER BY, ties broken by a unique key.
    /// A list counted only to its limit ("more than 1,000") is read forwards throughout, so every page holds the rows
    /// its pager numbers; its far end is its first page sorted the other way.
    /// </summary>
    public static async Task<List<TRow>> PageAsync<T, TRow>(this IQueryable<T> sorted, PageRequest page, ListCount count,
        Func<IQueryable<T>, IQueryable<TRow>> project, CancellationToken cancellationToken)
    {
        if ((count.MoreThan ? null : FromEnd(page, count.Total)) is not { } end)
        {
            return await project(sorted.Skip(page.SafeSkip).Take(page.SafeTake)).ToListAsync(cancellationToken);
        }

        var rows = await project(Reversed(sorted).Skip(end.Skip).Take(end.Take)).ToListAsync(cancellationToken);
        rows.Reverse();
        return rows;
    }

    /// <summary>Where the page starts counted from the end, and how many rows it holds; null when the start is nearer.</summary>
    public static (int Skip, int Take)? FromEnd(PageRequest page, int total)
    {
        var rowsLeft = total - page.SafeSkip;
        if (rowsLeft <= 0)
        {
            return null;
        }

        var take = Math.Min(page.SafeTake, rowsLeft);
        var skipFromEnd = rowsLeft - take;
        return skipFromEnd < page.SafeSkip ? (skipFromEnd, take) : null;
    }

    /// <summary>The same query in the opposite order: each OrderBy and ThenBy of its sort turned the other way.</summary>
    internal static IQueryable<T> Reversed<T>(IQueryable<T> sorted) => sorted.Provider.CreateQuery<T>(Flip(sorted.Expression));

    private static Expression Flip(Expression expression)
    {
        if (expression is not MethodCallExpression call)
        {
            throw new InvalidOperationException("A page can be read from the end of a sorted query only.");
        }

        var (name, source) = (call.Method.Name, call.Arguments[0]);
        return name switch
        {
            nameof(Queryable.OrderBy) or nameof(Queryable.OrderByDescending) => Opposite(call, source),
            nameof(Queryable.ThenBy) or nameof(Queryable.ThenByDescending) => Opposite(call, Flip(source)),
            // Steps that keep the order of what they are given: the sort is further in.
            nameof(Queryable.Select) or nameof(Queryable.Where) or nameof(EntityFrameworkQueryableExtensions.AsNoTracking)
                => call.Update(call.Object, [Flip(source), .. call.Arguments.Skip(1)]),
            _ => throw new InvalidOperationException($"A page can be read from the end of a sorted query only, not after {name}."),
        };
    }

    private static MethodCallExpression Opposite(MethodCallExpression call, Expression source)
    {
        var name = call.Method.Name;
        var opposite = name.EndsWith("Descending", StringComparison.Ordinal) ? name[..^"Descending".Length] : name + "Descending";
        var method = Sorting[opposite].MakeGenericMethod(call.Method.GetGenericArguments());
        return Expression.Call(method, [source, .. call.Arguments.Skip(1)]);
    }

    private static readonly Dictionary<string, MethodInfo> Sorting = typeof(Queryable).GetMethods()
        .Where(m => m.Name is nameof(Queryable.OrderBy) or nameof(Queryable.OrderByDescending) or nameof(Queryable.ThenBy) or nameof(Queryable.ThenByDescending)
                    && m.GetParameters().Length == 2)
        .ToDictionary(m => m.Name);
}
