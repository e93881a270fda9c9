using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Data;

/// <summary>
/// Lets SQLite read the database file through a memory map. Its own page cache is 2 MB per connection by default, so a
/// product with thousands of waiting lines scattered over the file cost one read() call per page, on every run;
/// mapped, the pages come straight from the operating system's cache, shared by every pooled connection.
/// The setting is per connection, so it is applied each time one is opened (an in-process call, no I/O).
/// </summary>
internal sealed class SqliteReadTuning : DbConnectionInterceptor
{
    private const long MemoryMapBytes = 1L << 30; // address space, not memory: only the pages read are ever loaded

    private static readonly string Pragma = $"PRAGMA mmap_size = {MemoryMapBytes};";

    public static readonly SqliteReadTuning Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
