using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

/// <summary>Every connection the app opens to its embedded database reads through a memory map, pooled or new.</summary>
public sealed class SqliteReadTuningTests() : DatabaseTest(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task Every_opened_connection_reads_the_file_through_a_memory_map()
    {
        for (var i = 0; i < 2; i++) // the second open takes the pooled connection back
        {
            await using var db = NewContext();
            await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            await using var pragma = db.Database.GetDbConnection().CreateCommand();
            pragma.CommandText = "PRAGMA mmap_size";
            Assert.Equal(1L << 30, (long)(await pragma.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
        }
    }
}
