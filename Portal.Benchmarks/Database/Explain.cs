using Microsoft.Data.Sqlite;
using Npgsql;
using Portal.Data;

namespace Portal.Benchmarks.Database;

/// <summary>Query plans of captured SELECTs (PORTAL_BENCH_EXPLAIN=1): EXPLAIN ANALYZE on PostgreSQL, EXPLAIN QUERY PLAN on SQLite.</summary>
public static class Explain
{
    public static async Task PrintAsync(DatabaseProvider provider, string connectionString, IReadOnlyList<CommandCounter.Executed> commands)
    {
        foreach (var c in commands.Where(c => c.Kind == "read" && c.Text.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)))
        {
            Console.WriteLine("      --- " + string.Join(' ', c.Text.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries))[..Math.Min(120, c.Text.Length)]);
            if (provider == DatabaseProvider.Postgres)
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + c.Text, connection);
                foreach (var p in c.Parameters) command.Parameters.Add(((NpgsqlParameter)p.Original).Clone());
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync()) Console.WriteLine("      " + reader.GetString(0));
            }
            else
            {
                await using var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "EXPLAIN QUERY PLAN " + c.Text;
                foreach (var p in c.Parameters) command.Parameters.Add(new SqliteParameter(p.Name, p.Value));
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync()) Console.WriteLine("      " + reader.GetString(3));
            }
        }
    }
}
