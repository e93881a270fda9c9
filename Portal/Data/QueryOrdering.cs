using System.Linq.Expressions;

namespace Portal.Data;

/// <summary>Ascending or descending by a flag, so a grid's sort maps onto a whitelist of columns in one line each.</summary>
internal static class QueryOrdering
{
    public static IOrderedQueryable<T> OrderBy<T, TKey>(this IQueryable<T> query, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key) : query.OrderBy(key);

    public static IOrderedQueryable<T> ThenBy<T, TKey>(this IOrderedQueryable<T> query, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? query.ThenByDescending(key) : query.ThenBy(key);

    /// <summary>
    /// Then ascending by a nullable key with the nulls last. PostgreSQL sorts nulls last ascending by itself, so there the
    /// key is used bare and an index on it serves the order; elsewhere "is null" comes first.
    /// </summary>
    public static IOrderedQueryable<T> ThenByNullsLast<T, TKey>(this IOrderedQueryable<T> query, Expression<Func<T, TKey?>> key, bool nullsSortLast)
        where TKey : struct =>
        nullsSortLast ? query.ThenBy(key) : query.ThenBy(IsNull(key)).ThenBy(key);

    private static Expression<Func<T, bool>> IsNull<T, TKey>(Expression<Func<T, TKey?>> key) where TKey : struct =>
        Expression.Lambda<Func<T, bool>>(Expression.Equal(key.Body, Expression.Constant(null, typeof(TKey?))), key.Parameters);
}
