using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Purchasing.Shortages;

/// <summary>
/// The board as one SQL query per provider: waiting lines (Backordered &gt; 0) summed per product and warehouse with
/// GROUP BY, joined to stock and to open purchase order lines summed the same way. Filters, sorting and paging are
/// composed on top in LINQ, so the database returns one page, however many lines wait. Raw SQL because the need date
/// (requested ship date, else the order's date) mixes a date with a timestamp, which LINQ cannot say on every provider.
/// No ORDER BY: EF wraps the text as a subquery to compose on it, and SQL Server refuses ORDER BY there.
/// </summary>
internal static class ShortageBoardSql
{
    public static IQueryable<ShortageRow> Query(PortalDbContext db) =>
        db.Database.SqlQueryRaw<ShortageRow>(db.Database.IsNpgsql() ? Postgres : db.Database.IsSqlServer() ? SqlServer : Sqlite);

    // SQLite keeps timestamps as UTC text "yyyy-MM-dd HH:mm:ss..." (SqliteUtcTextConverter) and dates as "yyyy-MM-dd".
    private static readonly string Sqlite = Board("""substr(o."PlacedAt", 1, 10)""");

    private static readonly string Postgres = Board("""CAST(o."PlacedAt" AT TIME ZONE 'UTC' AS date)""");

    // Timestamps are stored at offset 0, so the cast gives the UTC date, as on the other providers.
    private static readonly string SqlServer = Board("""CAST(o."PlacedAt" AS date)""");

    private static string Board(string placedDate) => $"""
        SELECT w."ProductId", w."WarehouseId", wh."Code" AS "Warehouse", p."Sku", p."Name" AS "Product",
               p."SupplierId", s."Name" AS "Supplier", p."PackSize", COALESCE(p."LeadTimeDays", s."DefaultLeadTimeDays") AS "LeadTimeDays",
               w."Backordered", COALESCE(st."Available", 0) AS "Available", COALESCE(po."OnOrder", 0) AS "OnOrder",
               CASE WHEN w."Backordered" - COALESCE(st."Available", 0) - COALESCE(po."OnOrder", 0) > 0
                    THEN w."Backordered" - COALESCE(st."Available", 0) - COALESCE(po."OnOrder", 0) ELSE 0 END AS "Uncovered",
               w."NeedDate", w."Customers", w."ValueAtRisk", po."NextPoDate"
        FROM (
            SELECT l."ProductId", o."WarehouseId", SUM(l."Backordered") AS "Backordered",
                   COUNT(DISTINCT o."CustomerId") AS "Customers", SUM(l."Backordered" * l."UnitPrice") AS "ValueAtRisk",
                   MIN(COALESCE(o."RequestedShipDate", {placedDate})) AS "NeedDate"
            FROM "SalesOrderLines" AS l
            INNER JOIN "SalesOrders" AS o ON o."Id" = l."SalesOrderId"
            WHERE l."Backordered" > 0
            GROUP BY l."ProductId", o."WarehouseId"
        ) AS w
        INNER JOIN "Products" AS p ON p."Id" = w."ProductId"
        INNER JOIN "Warehouses" AS wh ON wh."Id" = w."WarehouseId"
        LEFT JOIN "Suppliers" AS s ON s."Id" = p."SupplierId"
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
