using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Allocation;

namespace Portal.Features.Purchasing.Shortages;

/// <summary>
/// The shortage figures added up from the waiting lines, stock and open purchase order lines, as the board read them
/// before the allocation run kept them: the definition the kept figures must equal (tests compare the two after every
/// kind of change), and the way to fill them where no run has yet (<see cref="RebuildAsync"/>). One SQL text per
/// provider because the need date (requested ship date, else the order's date) mixes a date with a timestamp, which
/// LINQ cannot say on every provider. No ORDER BY: SQL Server refuses one in a subquery EF composes on.
/// </summary>
public static class ShortageAggregate
{
    public static IQueryable<ProductShortageFigures> Query(PortalDbContext db) => db.Database.SqlQueryRaw<ProductShortageFigures>(Sql(db));

    /// <summary>
    /// Replaces every kept figure with the aggregate, in one statement pair: for data written without an allocation run
    /// (an upgrade, a bulk load, a test's seed).
    /// </summary>
    public static async Task RebuildAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        await db.ProductShortages.ExecuteDeleteAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(InsertSql(db.Database.ProviderName!), cancellationToken);
    }

    /// <summary>The INSERT ... SELECT that fills ProductShortages for a provider (by EF provider name), also for the migration.</summary>
    public static string InsertSql(string provider) => $"""
        INSERT INTO "ProductShortages" ("ProductId", "WarehouseId", "Backordered", "Lines", "Customers", "ValueAtRisk", "NeedDate", "Available", "OnOrder", "Uncovered", "NextPoDate")
        SELECT "ProductId", "WarehouseId", "Backordered", "Lines", "Customers", "ValueAtRisk", "NeedDate", "Available", "OnOrder", "Uncovered", "NextPoDate"
        FROM ({Figures(PlacedDate(provider))}) AS f
        """;

    private static string Sql(PortalDbContext db) => Figures(PlacedDate(db.Database.ProviderName!));

    // SQLite keeps timestamps as UTC text "yyyy-MM-dd HH:mm:ss..." (SqliteUtcTextConverter) and dates as "yyyy-MM-dd";
    // SQL Server stores timestamps at offset 0, so its cast gives the UTC date as the others do.
    private static string PlacedDate(string provider) =>
        provider.Contains("Npgsql", StringComparison.OrdinalIgnoreCase) ? """CAST(o."PlacedAt" AT TIME ZONE 'UTC' AS date)"""
        : provider.Contains("SqlServer", StringComparison.OrdinalIgnoreCase) ? """CAST(o."PlacedAt" AS date)"""
        : """substr(o."PlacedAt", 1, 10)""";

    private static string Figures(string placedDate) => $"""
        SELECT w."ProductId", w."WarehouseId", w."Backordered", w."Lines", w."Customers", w."ValueAtRisk", w."NeedDate",
               COALESCE(st."Available", 0) AS "Available", COALESCE(po."OnOrder", 0) AS "OnOrder",
               CASE WHEN w."Backordered" - COALESCE(st."Available", 0) - COALESCE(po."OnOrder", 0) > 0
                    THEN w."Backordered" - COALESCE(st."Available", 0) - COALESCE(po."OnOrder", 0) ELSE 0 END AS "Uncovered",
               po."NextPoDate"
        FROM (
            SELECT l."ProductId", o."WarehouseId", SUM(l."Backordered") AS "Backordered", COUNT(*) AS "Lines",
                   COUNT(DISTINCT o."CustomerId") AS "Customers", SUM(l."Backordered" * l."UnitPrice") AS "ValueAtRisk",
                   MIN(COALESCE(o."RequestedShipDate", {placedDate})) AS "NeedDate"
            FROM "SalesOrderLines" AS l
            INNER JOIN "SalesOrders" AS o ON o."Id" = l."SalesOrderId"
            WHERE l."Backordered" > 0
            GROUP BY l."ProductId", o."WarehouseId"
        ) AS w
        LEFT JOIN (
            SELECT "ProductId", "WarehouseId", CASE WHEN "OnHand" > "Allocated" THEN "OnHand" - "Allocated" ELSE 0 END AS "Available"
            FROM "StockLevels"
        ) AS st ON st."ProductId" = w."ProductId" AND st."WarehouseId" = w."WarehouseId"
        LEFT JOIN (
            SELECT pl."ProductId", h."WarehouseId", SUM(pl."Ordered" - pl."Received" - pl."Cancelled") AS "OnOrder",
                   MIN(pl."ExpectedDate") AS "NextPoDate"
            FROM "PurchaseOrderLines" AS pl
            INNER JOIN "PurchaseOrders" AS h ON h."Id" = pl."PurchaseOrderId"
            WHERE h."Status" = 0 AND pl."Ordered" > pl."Received" + pl."Cancelled"
            GROUP BY pl."ProductId", h."WarehouseId"
        ) AS po ON po."ProductId" = w."ProductId" AND po."WarehouseId" = w."WarehouseId"
        """;
}

/// <summary>One product and warehouse's shortage figures as <see cref="ShortageAggregate"/> adds them up.</summary>
public sealed record ProductShortageFigures
{
    public int ProductId { get; init; }
    public int WarehouseId { get; init; }
    public int Backordered { get; init; }
    public int Lines { get; init; }
    public int Customers { get; init; }
    public decimal ValueAtRisk { get; init; }
    public DateOnly NeedDate { get; init; }
    public int Available { get; init; }
    public int OnOrder { get; init; }
    public int Uncovered { get; init; }
    public DateOnly? NextPoDate { get; init; }
}
