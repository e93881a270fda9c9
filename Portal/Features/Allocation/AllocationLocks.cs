using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Allocation;

/// <summary>
/// Keeps runs for one product from overlapping across portal instances. Each run takes transaction-scoped locks: a
/// product run holds its products (in id order, so two runs never deadlock) and a shared lock on "all products"; the
/// full run holds that one exclusively. PostgreSQL uses advisory locks, SQL Server application locks (sp_getapplock).
/// SQLite needs none: its transactions take the database's single write lock when they begin.
/// See docs/allocation.md#runs-and-locks.
/// </summary>
internal static class AllocationLocks
{
    private const int AllProductsKey = 7_001;
    private const int ProductKeySpace = 7_002;

    public static async Task AcquireAsync(PortalDbContext db, IReadOnlyCollection<int>? productIds, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlServer())
        {
            await (productIds is null
                ? db.Database.ExecuteSqlRawAsync(SqlServerLockAll, cancellationToken)
                : db.Database.ExecuteSqlRawAsync(SqlServerLockProducts, [SqlServerJson.Rows(productIds)], cancellationToken));
            return;
        }

        if (!db.Database.IsNpgsql())
        {
            return;
        }

        if (productIds is null)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AllProductsKey}, 0)", cancellationToken);
            return;
        }

        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock_shared({AllProductsKey}, 0)", cancellationToken);
        var ordered = productIds.Distinct().Order().ToArray();
        await db.Database.ExecuteSqlRawAsync(
            $"SELECT count(pg_advisory_xact_lock({ProductKeySpace}, id)) FROM (SELECT unnest({{0}}::int[]) AS id ORDER BY 1) AS products",
            [ordered], cancellationToken);
    }

    // Waits for @resource in @mode. sp_getapplock reports a refusal (-3 deadlock victim, -2 cancelled) as a return code,
    // not an error, so it is turned into one.
    private const string AppLock = """
        EXEC @result = sp_getapplock @Resource = @resource, @LockMode = @mode, @LockOwner = 'Transaction', @LockTimeout = -1;
        IF @result < 0
        BEGIN
            SET @message = CONCAT(N'sp_getapplock returned ', @result, N' for ', @resource, N'.');
            THROW 51000, @message, 1;
        END;
        """;

    private const string SqlServerLockAll = $"""
        DECLARE @result int, @message nvarchar(2048), @resource nvarchar(255) = N'portal:allocation:all', @mode varchar(32) = 'Exclusive';
        {AppLock}
        """;

    // One round trip however many products: the batch walks them in ascending id order.
    private const string SqlServerLockProducts = $$"""
        DECLARE @result int, @message nvarchar(2048), @resource nvarchar(255) = N'portal:allocation:all', @mode varchar(32) = 'Shared', @id int;
        {{AppLock}}
        SET @mode = 'Exclusive';
        DECLARE products CURSOR LOCAL FAST_FORWARD FOR SELECT DISTINCT id FROM OPENJSON({0}) WITH (id int '$') ORDER BY id;
        OPEN products;
        FETCH NEXT FROM products INTO @id;
        WHILE @@FETCH_STATUS = 0
        BEGIN
            SET @resource = CONCAT(N'portal:allocation:product:', @id);
            {{AppLock}}
            FETCH NEXT FROM products INTO @id;
        END;
        CLOSE products;
        DEALLOCATE products;
        """;
}
