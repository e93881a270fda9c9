using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Allocation;

/// <summary>
/// Writes a run's changed lines and stock levels as a handful of set-based statements (rows travel as one JSON
/// parameter per chunk), each guarded by the row versions the run read. A row someone changed meanwhile is not
/// updated; the count then falls short and the run is retried from fresh data, so stock is never over-allocated.
/// </summary>
internal static class AllocationWriter
{
    public const int ChunkSize = 50_000;

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static async Task<int> WriteLinesAsync(PortalDbContext db, IReadOnlyList<LineWrite> lines, CancellationToken cancellationToken)
    {
        var statements = 0;
        foreach (var chunk in lines.Chunk(ChunkSize))
        {
            var rows = chunk.Select(l => new LineRow(
                l.Id, l.Version, l.Allocated, l.EtaDate, (int)l.EtaBasis, l.EtaOverdue, l.EtaPurchaseOrderId, l.EtaNote, l.AllocationNote,
                l.Notified.Backordered, l.Notified.EtaDate, (int)l.Notified.Basis, l.Notified.Shipped, l.Notified.Cancelled));
            var updated = await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? PostgresLineSql : SqliteLineSql,
                [JsonSerializer.Serialize(rows, Json)], cancellationToken);
            statements++;
            if (updated != chunk.Length)
            {
                throw new AllocationConflictException($"{chunk.Length - updated} of {chunk.Length} order lines changed during the run.");
            }
        }

        return statements;
    }

    public static async Task<int> WriteStockAsync(PortalDbContext db, IReadOnlyList<StockWrite> stock, CancellationToken cancellationToken)
    {
        var statements = 0;
        foreach (var chunk in stock.Chunk(ChunkSize))
        {
            var updated = await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? PostgresStockSql : SqliteStockSql,
                [JsonSerializer.Serialize(chunk.Select(s => new StockRow(s.Id, s.Version, s.Allocated)), Json)], cancellationToken);
            statements++;
            if (updated != chunk.Length)
            {
                throw new AllocationConflictException($"{chunk.Length - updated} stock levels changed during the run.");
            }
        }

        return statements;
    }

    public static async Task<int> ClearFlagsAsync(PortalDbContext db, IReadOnlyList<(int ProductId, int Version)> flags, CancellationToken cancellationToken)
    {
        var statements = 0;
        foreach (var chunk in flags.Chunk(ChunkSize))
        {
            await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? PostgresClearSql : SqliteClearSql,
                [JsonSerializer.Serialize(chunk.Select(f => new StockRow(f.ProductId, f.Version, 0)), Json)], cancellationToken);
            statements++;
        }

        return statements;
    }

    private sealed record LineRow(
        [property: JsonPropertyName("id")] int Id,
        [property: JsonPropertyName("v")] int Version,
        [property: JsonPropertyName("a")] int Allocated,
        [property: JsonPropertyName("eta")] DateOnly? EtaDate,
        [property: JsonPropertyName("b")] int Basis,
        [property: JsonPropertyName("o")] bool Overdue,
        [property: JsonPropertyName("po")] int? PurchaseOrderId,
        [property: JsonPropertyName("en")] string? EtaNote,
        [property: JsonPropertyName("an")] string? AllocationNote,
        [property: JsonPropertyName("nb")] int NotifiedBackordered,
        [property: JsonPropertyName("ne")] DateOnly? NotifiedEta,
        [property: JsonPropertyName("nbs")] int NotifiedBasis,
        [property: JsonPropertyName("ns")] int NotifiedShipped,
        [property: JsonPropertyName("nc")] int NotifiedCancelled);

    private sealed record StockRow(
        [property: JsonPropertyName("id")] int Id,
        [property: JsonPropertyName("v")] int Version,
        [property: JsonPropertyName("a")] int Allocated);

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
        FROM jsonb_to_recordset({0}::jsonb) AS v(id int, v int, a int, eta date, b int, o boolean, po int, en text, an text,
                                                  nb int, ne date, nbs int, ns int, nc int)
        WHERE "SalesOrderLines"."Id" = v.id AND "SalesOrderLines"."Version" = v.v
        """;

    private const string SqliteLineSql = $$"""
        UPDATE "SalesOrderLines" SET {{LineSet}}
        FROM (SELECT value ->> 'id' AS id, value ->> 'v' AS v, value ->> 'a' AS a, value ->> 'eta' AS eta, value ->> 'b' AS b,
                     value ->> 'o' AS o, value ->> 'po' AS po, value ->> 'en' AS en, value ->> 'an' AS an, value ->> 'nb' AS nb,
                     value ->> 'ne' AS ne, value ->> 'nbs' AS nbs, value ->> 'ns' AS ns, value ->> 'nc' AS nc
              FROM json_each({0})) AS v
        WHERE "SalesOrderLines"."Id" = v.id AND "SalesOrderLines"."Version" = v.v
        """;

    private const string PostgresStockSql = """
        UPDATE "StockLevels" SET "Allocated" = v.a, "Version" = "Version" + 1
        FROM jsonb_to_recordset({0}::jsonb) AS v(id int, v int, a int)
        WHERE "StockLevels"."Id" = v.id AND "StockLevels"."Version" = v.v
        """;

    private const string SqliteStockSql = """
        UPDATE "StockLevels" SET "Allocated" = v.a, "Version" = "Version" + 1
        FROM (SELECT value ->> 'id' AS id, value ->> 'v' AS v, value ->> 'a' AS a FROM json_each({0})) AS v
        WHERE "StockLevels"."Id" = v.id AND "StockLevels"."Version" = v.v
        """;

    private const string PostgresClearSql = """
        DELETE FROM "PendingAllocations" AS p USING jsonb_to_recordset({0}::jsonb) AS v(id int, v int)
        WHERE p."ProductId" = v.id AND p."Version" = v.v
        """;

    private const string SqliteClearSql = """
        DELETE FROM "PendingAllocations"
        WHERE EXISTS (SELECT 1 FROM json_each({0}) AS j
                      WHERE j.value ->> 'id' = "PendingAllocations"."ProductId" AND j.value ->> 'v' = "PendingAllocations"."Version")
        """;
}
