using System.Linq.Expressions;

namespace Portal.Data;

/// <summary>Ascending or descending by a flag, so a grid's sort maps onto a whitelist of columns in one line each.</summary>
internal static class QueryOrdering
{
    public static IOrderedQueryable<T> OrderBy<T, TKey>(this IQueryable<T> query, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key) : query.OrderBy(key);

    public static IOrderedQueryable<T> ThenBy<T, TKey>(this IOrderedQueryable<T> query, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? query.ThenByDescending(key) : query.ThenBy(key);
}
