using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Portal.Tests.Infrastructure;

/// <summary>Assertions about what the database itself refuses, the same on SQLite and PostgreSQL.</summary>
public static class DatabaseAssert
{
    // SQLite's extended result codes for constraint failures.
    private const int SqliteCheck = 275;
    private const int SqliteUnique = 2067;

    /// <summary>
    /// Asserts that <paramref name="action"/> is refused by the CHECK constraint <paramref name="constraint"/>,
    /// whether it ran raw SQL or SaveChanges (which wraps the provider's error in a DbUpdateException).
    /// </summary>
    public static Exception RefusedByCheck(string constraint, Action action)
    {
        var error = ProviderError(action);
        switch (error)
        {
            case SqliteException sqlite:
                Assert.True(sqlite.SqliteExtendedErrorCode == SqliteCheck, $"Expected a CHECK failure, got: {sqlite.Message}");
                Assert.Contains($"CHECK constraint failed: {constraint}", sqlite.Message);
                break;
            case PostgresException postgres:
                Assert.True(postgres.SqlState == PostgresErrorCodes.CheckViolation, $"Expected a CHECK failure, got: {postgres.MessageText}");
                Assert.Equal(constraint, postgres.ConstraintName);
                break;
        }

        return error;
    }

    /// <summary>
    /// Asserts that <paramref name="action"/> is refused by a unique index on <paramref name="table"/>.<paramref name="columns"/>
    /// (SQLite names the columns, PostgreSQL the index; <paramref name="index"/> is checked where the provider tells it).
    /// </summary>
    public static Exception RefusedByUniqueIndex(string index, string table, string[] columns, Action action)
    {
        var error = ProviderError(action);
        switch (error)
        {
            case SqliteException sqlite:
                Assert.True(sqlite.SqliteExtendedErrorCode == SqliteUnique, $"Expected a UNIQUE failure, got: {sqlite.Message}");
                Assert.Contains($"UNIQUE constraint failed: {string.Join(", ", columns.Select(c => $"{table}.{c}"))}", sqlite.Message);
                break;
            case PostgresException postgres:
                Assert.True(postgres.SqlState == PostgresErrorCodes.UniqueViolation, $"Expected a UNIQUE failure, got: {postgres.MessageText}");
                Assert.Equal(index, postgres.ConstraintName);
                break;
        }

        return error;
    }

    private static Exception ProviderError(Action action)
    {
        var thrown = Record.Exception(action);
        Assert.True(thrown is not null, "Expected the database to refuse the change, but it was accepted.");
        var error = thrown is DbUpdateException { InnerException: { } inner } ? inner : thrown;
        Assert.True(error is SqliteException or PostgresException, $"Expected a database error, got {thrown}");
        return error;
    }
}
