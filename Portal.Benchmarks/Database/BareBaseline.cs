using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Portal.Data;

namespace Portal.Benchmarks.Database;

/// <summary>
/// The yardstick for the full run: the least database work it could possibly do.
/// Bare read: the very SELECTs the service ran (captured by the command counter), replayed with plain ADO.NET on
/// one connection, every column of every row read with a typed getter and dropped: no EF, no objects.
/// Bare write: the same changed rows with the same values and version guards, in one transaction, by the fastest
/// plain route each database has: PostgreSQL binary COPY into a temporary table and one UPDATE ... FROM;
/// SQLite one prepared UPDATE re-executed per row.
/// </summary>
public static class BareBaseline
{
    public static async Task<long> ReadAsync(DatabaseProvider provider, string connectionString, IReadOnlyList<CommandCounter.Executed> captured)
    {
        await using var connection = Open(provider, connectionString);
        await connection.OpenAsync();
        long values = 0;
        // SELECTs only: on SQLite EF's INSERT ... RETURNING (the outbox's rows) also come back as readers.
        foreach (var c in captured.Where(c => c.Kind == "read" && c.Text.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = c.Text;
            foreach (var p in c.Parameters) command.Parameters.Add(Clone(p.Original));
            await using var reader = await command.ExecuteReaderAsync();
            var types = Enumerable.Range(0, reader.FieldCount).Select(reader.GetFieldType).ToArray();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < types.Length; i++)
                {
                    if (reader.IsDBNull(i)) continue;
                    var t = types[i];
                    if (t == typeof(int)) values += reader.GetInt32(i);
                    else if (t == typeof(long)) values += reader.GetInt64(i);
                    else if (t == typeof(bool)) values += reader.GetBoolean(i) ? 1 : 0;
                    else if (t == typeof(string)) values += reader.GetString(i).Length;
                    else if (t == typeof(DateTime)) values += reader.GetDateTime(i).Day;
                    else if (t == typeof(decimal)) values += (long)reader.GetDecimal(i);
                    else if (t == typeof(double)) values += (long)reader.GetDouble(i);
                    else values += reader.GetValue(i).GetHashCode() & 1;
                }
            }
        }

        return values;
    }

    public static async Task WriteAsync(DatabaseProvider provider, string connectionString, ChangedRows rows)
    {
        if (provider == DatabaseProvider.Postgres) await WritePostgresAsync(connectionString, rows);
        else WriteSqlite(connectionString, rows);
    }

    private const string LineSet = """
        "Allocated" = v.a, "Backordered" = "Ordered" - v.a - "Shipped" - "Cancelled",
        "EtaDate" = v.eta, "EtaBasis" = v.b, "EtaOverdue" = v.o, "EtaPurchaseOrderId" = v.po, "EtaNote" = v.en, "AllocationNote" = v.an,
        "NotifiedBackordered" = v.nb, "NotifiedEtaDate" = v.ne, "NotifiedEtaBasis" = v.nbs, "NotifiedShipped" = v.ns, "NotifiedCancelled" = v.nc,
        "Version" = "Version" + 1
        """;

    private static async Task WritePostgresAsync(string connectionString, ChangedRows rows)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var create = new NpgsqlCommand("""
            CREATE TEMP TABLE bare_lines (id int, v int, a int, eta date, b int, o boolean, po int, en text, an text,
                                          nb int, ne date, nbs int, ns int, nc int) ON COMMIT DROP
            """, connection, transaction))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY bare_lines FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var l in rows.Lines)
            {
                await writer.StartRowAsync();
                writer.Write(l.Id, NpgsqlDbType.Integer);
                writer.Write(l.Version, NpgsqlDbType.Integer);
                writer.Write(l.Allocated, NpgsqlDbType.Integer);
                if (l.EtaDate is { } eta) writer.Write(eta, NpgsqlDbType.Date); else writer.WriteNull();
                writer.Write(l.EtaBasis, NpgsqlDbType.Integer);
                writer.Write(l.EtaOverdue, NpgsqlDbType.Boolean);
                if (l.EtaPurchaseOrderId is { } po) writer.Write(po, NpgsqlDbType.Integer); else writer.WriteNull();
                writer.Write(l.EtaNote, NpgsqlDbType.Text);
                if (l.AllocationNote is { } an) writer.Write(an, NpgsqlDbType.Text); else writer.WriteNull();
                writer.Write(l.NotifiedBackordered, NpgsqlDbType.Integer);
                if (l.NotifiedEtaDate is { } ne) writer.Write(ne, NpgsqlDbType.Date); else writer.WriteNull();
                writer.Write(l.NotifiedEtaBasis, NpgsqlDbType.Integer);
                writer.Write(l.NotifiedShipped, NpgsqlDbType.Integer);
                writer.Write(l.NotifiedCancelled, NpgsqlDbType.Integer);
            }

            await writer.CompleteAsync();
        }

        await using (var update = new NpgsqlCommand($"""
            UPDATE "SalesOrderLines" SET {LineSet} FROM bare_lines AS v WHERE "SalesOrderLines"."Id" = v.id AND "SalesOrderLines"."Version" = v.v
            """, connection, transaction))
        {
            var updated = await update.ExecuteNonQueryAsync();
            if (updated != rows.Lines.Count) throw new InvalidOperationException($"bare write updated {updated} of {rows.Lines.Count} lines");
        }

        await using (var stock = new NpgsqlCommand("""
            UPDATE "StockLevels" SET "Allocated" = v.a, "Version" = "Version" + 1
            FROM unnest(@ids, @versions, @allocated) AS v(id, ver, a) WHERE "StockLevels"."Id" = v.id AND "StockLevels"."Version" = v.ver
            """, connection, transaction))
        {
            stock.Parameters.AddWithValue("ids", rows.StockLevels.Select(s => s.Id).ToArray());
            stock.Parameters.AddWithValue("versions", rows.StockLevels.Select(s => s.Version).ToArray());
            stock.Parameters.AddWithValue("allocated", rows.StockLevels.Select(s => s.Allocated).ToArray());
            await stock.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static void WriteSqlite(string connectionString, ChangedRows rows)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = $"""
                UPDATE "SalesOrderLines" SET {LineSet.Replace("v.", "$")}
                WHERE "Id" = $id AND "Version" = $v
                """;
            var p = new Dictionary<string, SqliteParameter>();
            foreach (var name in new[] { "id", "v", "a", "eta", "b", "o", "po", "en", "an", "nb", "ne", "nbs", "ns", "nc" })
                p[name] = update.Parameters.Add(new SqliteParameter("$" + name, null));
            update.Prepare();
            foreach (var l in rows.Lines)
            {
                p["id"].Value = l.Id;
                p["v"].Value = l.Version;
                p["a"].Value = l.Allocated;
                p["eta"].Value = Date(l.EtaDate);
                p["b"].Value = l.EtaBasis;
                p["o"].Value = l.EtaOverdue ? 1 : 0;
                p["po"].Value = (object?)l.EtaPurchaseOrderId ?? DBNull.Value;
                p["en"].Value = l.EtaNote;
                p["an"].Value = (object?)l.AllocationNote ?? DBNull.Value;
                p["nb"].Value = l.NotifiedBackordered;
                p["ne"].Value = Date(l.NotifiedEtaDate);
                p["nbs"].Value = l.NotifiedEtaBasis;
                p["ns"].Value = l.NotifiedShipped;
                p["nc"].Value = l.NotifiedCancelled;
                if (update.ExecuteNonQuery() != 1) throw new InvalidOperationException($"bare write missed line {l.Id}");
            }
        }

        using (var stock = connection.CreateCommand())
        {
            stock.Transaction = transaction;
            stock.CommandText = """UPDATE "StockLevels" SET "Allocated" = $a, "Version" = "Version" + 1 WHERE "Id" = $id AND "Version" = $v""";
            var id = stock.Parameters.Add(new SqliteParameter("$id", null));
            var v = stock.Parameters.Add(new SqliteParameter("$v", null));
            var a = stock.Parameters.Add(new SqliteParameter("$a", null));
            stock.Prepare();
            foreach (var s in rows.StockLevels)
            {
                (id.Value, v.Value, a.Value) = (s.Id, s.Version, s.Allocated);
                stock.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    private static object Date(DateOnly? date) => date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;

    private static DbConnection Open(DatabaseProvider provider, string connectionString) =>
        provider == DatabaseProvider.Postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);

    private static DbParameter Clone(DbParameter p) => p switch
    {
        NpgsqlParameter n => n.Clone(),
        SqliteParameter s => new SqliteParameter(s.ParameterName, s.Value) { SqliteType = s.SqliteType, Size = s.Size },
        _ => throw new NotSupportedException(p.GetType().Name),
    };
}
