using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Allocation;

/// <summary>
/// Writes a run's changed lines and stock levels, each row guarded by the row version the run read. A row someone
/// changed meanwhile is not updated; the count then falls short and the run is retried from fresh data, so stock is
/// never over-allocated.
/// <list type="bullet">
/// <item>PostgreSQL: one statement per table however many rows: the rows travel as typed binary arrays (one per
/// column) that <c>unnest</c> turns back into rows for an UPDATE ... FROM. No JSON to build or parse.</item>
/// <item>SQL Server: one statement per table too; the rows travel as one JSON parameter (<see cref="SqlServerJson"/>)
/// that <c>OPENJSON</c> turns back into rows.</item>
/// <item>SQLite: one prepared UPDATE executed per changed row inside the run's transaction
/// (<see cref="SqlitePreparedRows"/>): in-process, an execution is a library call, not a round trip.</item>
/// </list>
/// Returns the number of statements sent (PostgreSQL, SQL Server) or prepared (SQLite).
/// </summary>
internal static class AllocationWriter
{
    public static async Task<int> WriteLinesAsync(PortalDbContext db, IReadOnlyList<LineWrite> lines, CancellationToken cancellationToken)
    {
        if (lines.Count == 0)
        {
            return 0;
        }

        int updated;
        if (db.Database.IsNpgsql())
        {
            var n = lines.Count;
            var (id, version, allocated, eta, basis, overdue, po, etaNote, allocationNote) =
                (new int[n], new int[n], new int[n], new DateOnly?[n], new int[n], new bool[n], new int?[n], new string?[n], new string?[n]);
            var (nb, ne, nbs, ns, nc) = (new int[n], new DateOnly?[n], new int[n], new int[n], new int[n]);
            for (var i = 0; i < n; i++)
            {
                var l = lines[i];
                (id[i], version[i], allocated[i], eta[i], basis[i], overdue[i], po[i], etaNote[i], allocationNote[i]) =
                    (l.Id, l.Version, l.Allocated, l.EtaDate, (int)l.EtaBasis, l.EtaOverdue, l.EtaPurchaseOrderId, l.EtaNote, l.AllocationNote);
                (nb[i], ne[i], nbs[i], ns[i], nc[i]) =
                    (l.Notified.Backordered, l.Notified.EtaDate, (int)l.Notified.Basis, l.Notified.Shipped, l.Notified.Cancelled);
            }

            updated = await db.Database.ExecuteSqlRawAsync(PostgresLineSql,
                [id, version, allocated, eta, basis, overdue, po, etaNote, allocationNote, nb, ne, nbs, ns, nc], cancellationToken);
        }
        else if (db.Database.IsSqlServer())
        {
            updated = await db.Database.ExecuteSqlRawAsync(SqlServerLineSql, [SqlServerJson.Rows(lines.Select(l => new
            {
                id = l.Id, v = l.Version, a = l.Allocated, eta = l.EtaDate, b = (int)l.EtaBasis, o = l.EtaOverdue, po = l.EtaPurchaseOrderId,
                en = l.EtaNote, an = l.AllocationNote, nb = l.Notified.Backordered, ne = l.Notified.EtaDate, nbs = (int)l.Notified.Basis,
                ns = l.Notified.Shipped, nc = l.Notified.Cancelled,
            }))], cancellationToken);
        }
        else
        {
            updated = SqlitePreparedRows.Execute(db, SqliteLineSql, lines, 14, static (l, p) =>
            {
                p[0].Value = l.Id;
                p[1].Value = l.Version;
                p[2].Value = l.Allocated;
                p[3].Value = SqlitePreparedRows.Date(l.EtaDate);
                p[4].Value = (int)l.EtaBasis;
                p[5].Value = l.EtaOverdue ? 1 : 0;
                p[6].Value = (object?)l.EtaPurchaseOrderId ?? DBNull.Value;
                p[7].Value = (object?)l.EtaNote ?? DBNull.Value;
                p[8].Value = (object?)l.AllocationNote ?? DBNull.Value;
                p[9].Value = l.Notified.Backordered;
                p[10].Value = SqlitePreparedRows.Date(l.Notified.EtaDate);
                p[11].Value = (int)l.Notified.Basis;
                p[12].Value = l.Notified.Shipped;
                p[13].Value = l.Notified.Cancelled;
            }, cancellationToken);
        }

        if (updated != lines.Count)
        {
            throw new AllocationConflictException($"{lines.Count - updated} of {lines.Count} order lines changed during the run.");
        }

        return 1;
    }

    public static async Task<int> WriteStockAsync(PortalDbContext db, IReadOnlyList<StockWrite> stock, CancellationToken cancellationToken)
    {
        if (stock.Count == 0)
        {
            return 0;
        }

        var updated = db.Database.IsNpgsql()
            ? await db.Database.ExecuteSqlRawAsync(PostgresStockSql,
                [stock.Select(s => s.Id).ToArray(), stock.Select(s => s.Version).ToArray(), stock.Select(s => s.Allocated).ToArray()], cancellationToken)
            : db.Database.IsSqlServer()
            ? await db.Database.ExecuteSqlRawAsync(SqlServerStockSql,
                [SqlServerJson.Rows(stock.Select(s => new { id = s.Id, v = s.Version, a = s.Allocated }))], cancellationToken)
            : SqlitePreparedRows.Execute(db, SqliteStockSql, stock, 3, static (s, p) =>
            {
                p[0].Value = s.Id;
                p[1].Value = s.Version;
                p[2].Value = s.Allocated;
            }, cancellationToken);
        if (updated != stock.Count)
        {
            throw new AllocationConflictException($"{stock.Count - updated} stock levels changed during the run.");
        }

        return 1;
    }

    public static async Task<int> ClearFlagsAsync(PortalDbContext db, IReadOnlyList<(int ProductId, int Version)> flags, CancellationToken cancellationToken)
    {
        if (flags.Count == 0)
        {
            return 0;
        }

        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync(PostgresClearSql,
                [flags.Select(f => f.ProductId).ToArray(), flags.Select(f => f.Version).ToArray()], cancellationToken);
        }
        else if (db.Database.IsSqlServer())
        {
            await db.Database.ExecuteSqlRawAsync(SqlServerClearSql,
                [SqlServerJson.Rows(flags.Select(f => new FlagRow(f.ProductId, f.Version)))], cancellationToken);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync(SqliteClearSql,
                [JsonSerializer.Serialize(flags.Select(f => new FlagRow(f.ProductId, f.Version)), Json)], cancellationToken);
        }

        return 1;
    }

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    private sealed record FlagRow(
        [property: JsonPropertyName("id")] int Id,
        [property: JsonPropertyName("v")] int Version);

    // "Backordered" is recomputed from the new allocation in the same statement; the table's check constraint
    // holds it to Ordered − Allocated − Shipped − Cancelled. A null allocation note keeps the stored one.
    private const string LineSet = """
        "Allocated" = v.a,
        "Backordered" = "Ordered" - v.a - "Shipped" - "Cancelled",
        "EtaDate" = v.eta, "EtaBasis" = v.b, "EtaOverdue" = v.o, "EtaPurchaseOrderId" = v.po,
        "EtaNote" = v.en, "AllocationNote" = COALESCE(v.an, "AllocationNote"),
        "NotifiedBackordered" = v.nb, "NotifiedEtaDate" = v.ne, "NotifiedEtaBasis" = v.nbs,
        "NotifiedShipped" = v.ns, "NotifiedCancelled" = v.nc,
        "Version" = "Version" + 1
        """;

    private const string PostgresLineSql = $$"""
        UPDATE "SalesOrderLines" SET {{LineSet}}
        FROM unnest({0}::int[], {1}::int[], {2}::int[], {3}::date[], {4}::int[], {5}::boolean[], {6}::int[], {7}::text[], {8}::text[],
                    {9}::int[], {10}::date[], {11}::int[], {12}::int[], {13}::int[])
             AS v(id, v, a, eta, b, o, po, en, an, nb, ne, nbs, ns, nc)
        WHERE "SalesOrderLines"."Id" = v.id AND "SalesOrderLines"."Version" = v.v
        """;

    // Notes read as nvarchar(max), not the column's width, so one too long fails the write instead of being cut short.
    private const string SqlServerLineSql = $$"""
        UPDATE l SET {{LineSet}}
        FROM "SalesOrderLines" AS l
        INNER JOIN OPENJSON({0}) WITH (id int, v int, a int, eta date, b int, o bit, po int, en nvarchar(max), an nvarchar(max),
                                       nb int, ne date, nbs int, ns int, nc int) AS v
            ON l."Id" = v.id AND l."Version" = v.v
        """;

    private static readonly string SqliteLineSql = $$"""
        UPDATE "SalesOrderLines" SET {{LineSet
            .Replace("v.an", "$p8").Replace("v.a", "$p2").Replace("v.eta", "$p3").Replace("v.b", "$p4").Replace("v.o", "$p5").Replace("v.po", "$p6")
            .Replace("v.en", "$p7").Replace("v.nbs", "$p11").Replace("v.nb", "$p9").Replace("v.ne", "$p10").Replace("v.ns", "$p12").Replace("v.nc", "$p13")}}
        WHERE "Id" = $p0 AND "Version" = $p1
        """;

    private const string PostgresStockSql = """
        UPDATE "StockLevels" SET "Allocated" = v.a, "Version" = "Version" + 1
        FROM unnest({0}::int[], {1}::int[], {2}::int[]) AS v(id, v, a)
        WHERE "StockLevels"."Id" = v.id AND "StockLevels"."Version" = v.v
        """;

    private const string SqlServerStockSql = """
        UPDATE s SET "Allocated" = v.a, "Version" = s."Version" + 1
        FROM "StockLevels" AS s
        INNER JOIN OPENJSON({0}) WITH (id int, v int, a int) AS v ON s."Id" = v.id AND s."Version" = v.v
        """;

    private const string SqliteStockSql = """
        UPDATE "StockLevels" SET "Allocated" = $p2, "Version" = "Version" + 1 WHERE "Id" = $p0 AND "Version" = $p1
        """;

    private const string PostgresClearSql = """
        DELETE FROM "PendingAllocations" AS p USING unnest({0}::int[], {1}::int[]) AS v(id, v)
        WHERE p."ProductId" = v.id AND p."Version" = v.v
        """;

    private const string SqlServerClearSql = """
        DELETE p FROM "PendingAllocations" AS p
        INNER JOIN OPENJSON({0}) WITH (id int, v int) AS v ON p."ProductId" = v.id AND p."Version" = v.v
        """;

    // IN over a subquery: SQLite builds a transient index on it once, instead of rescanning the JSON for every flag.
    private const string SqliteClearSql = """
        DELETE FROM "PendingAllocations"
        WHERE ("ProductId", "Version") IN (SELECT value ->> 'id', value ->> 'v' FROM json_each({0}))
        """;
}
