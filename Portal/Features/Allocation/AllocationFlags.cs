using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Allocation;

/// <summary>
/// Marks products as needing an allocation run. Call it inside the transaction of the change that causes it
/// (receipt, adjustment, order, cancellation, PO change), so the mark commits with the change or not at all.
/// </summary>
public static class AllocationFlags
{
    // One upsert for any number of products; a product already marked gets a new version, so a run that read the
    // old mark leaves the flag in place and the product runs again.
    private const string Upsert = """
        INSERT INTO "PendingAllocations" ("ProductId", "Reason", "MarkedAt", "Version")
        SELECT DISTINCT p, {1}, {2}, 0 FROM {0} AS p
        ON CONFLICT ("ProductId") DO UPDATE
        SET "Reason" = excluded."Reason", "MarkedAt" = excluded."MarkedAt", "Version" = "PendingAllocations"."Version" + 1
        """;

    // HOLDLOCK keeps the range locked from the match to the insert, so two marks of a new product cannot both insert it.
    private const string SqlServerUpsert = """
        MERGE INTO "PendingAllocations" WITH (HOLDLOCK) AS t
        USING (SELECT DISTINCT p FROM OPENJSON({0}) WITH (p int '$')) AS s ON t."ProductId" = s.p
        WHEN MATCHED THEN UPDATE SET "Reason" = {1}, "MarkedAt" = {2}, "Version" = t."Version" + 1
        WHEN NOT MATCHED THEN INSERT ("ProductId", "Reason", "MarkedAt", "Version") VALUES (s.p, {1}, {2}, 0);
        """;

    public static async Task MarkAsync(PortalDbContext db, IEnumerable<int> productIds, string reason, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Mark products for allocation inside the transaction of the change that causes it.");
        }

        var ids = productIds.Distinct().ToArray();
        if (ids.Length == 0)
        {
            return;
        }

        reason = reason.Length > 100 ? reason[..100] : reason;
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync(Upsert.Replace("{0} AS p", "unnest({0}::int[]) AS p"), [ids, reason, now.ToUniversalTime()], cancellationToken);
        }
        else if (db.Database.IsSqlServer())
        {
            await db.Database.ExecuteSqlRawAsync(SqlServerUpsert, [SqlServerJson.Rows(ids), reason, now.ToUniversalTime()], cancellationToken);
        }
        else
        {
            // "WHERE true" lets SQLite parse ON CONFLICT after a SELECT.
            await db.Database.ExecuteSqlRawAsync(
                Upsert.Replace("{0} AS p", "(SELECT value AS p FROM json_each({0}))").Replace("ON CONFLICT", "WHERE true ON CONFLICT"),
                [System.Text.Json.JsonSerializer.Serialize(ids), reason, SqliteUtcTextConverter.ToText(now)], cancellationToken);
        }
    }
}
