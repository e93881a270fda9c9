using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

/// <summary>
/// A database's schema as read back from its catalog, one line per column, key, index and constraint (EF's own
/// bookkeeping tables aside), so two databases can be compared line by line.
/// </summary>
internal static partial class SchemaCatalog
{
    public static async Task<SortedSet<string>> ReadAsync(TestDatabase database)
    {
        await using var context = database.CreateContext();
        var rows = await context.Database.SqlQueryRaw<string>(database.Provider switch
        {
            DatabaseProvider.Sqlite => Sqlite,
            DatabaseProvider.Postgres => Postgres,
            _ => SqlServer,
        }).ToListAsync();
        return new SortedSet<string>(database.Provider == DatabaseProvider.Sqlite ? rows.SelectMany(SqliteItems) : rows, StringComparer.Ordinal);
    }

    /// <summary>The database's tables, EF's bookkeeping tables included.</summary>
    public static List<string> Tables(PortalDbContext context, DatabaseProvider provider) =>
        context.Database.SqlQueryRaw<string>(provider switch
            {
                DatabaseProvider.Sqlite => "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
                DatabaseProvider.Postgres => "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
                _ => "SELECT TABLE_NAME AS Value FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = SCHEMA_NAME() AND TABLE_TYPE = 'BASE TABLE'",
            })
            .ToList();

    // SQLite keeps each table's CREATE statement; a column, key or check is one top-level clause of it.
    private static IEnumerable<string> SqliteItems(string row)
    {
        var sql = Whitespace().Replace(row, " ").Trim();
        if (!sql.StartsWith("CREATE TABLE", StringComparison.Ordinal))
        {
            return [sql];
        }

        var table = sql[..sql.IndexOf('(')].Trim();
        var body = sql[(sql.IndexOf('(') + 1)..sql.LastIndexOf(')')];
        var clauses = new List<string>();
        var (depth, start) = (0, 0);
        for (var i = 0; i < body.Length; i++)
        {
            depth += body[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (body[i] == ',' && depth == 0)
            {
                clauses.Add(body[start..i].Trim());
                start = i + 1;
            }
        }

        clauses.Add(body[start..].Trim());
        return clauses.Select(c => $"{table}: {c}");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private const string Sqlite = """
        SELECT sql AS "Value" FROM sqlite_master
        WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite%' AND tbl_name NOT LIKE '\_\_EF%' ESCAPE '\'
        """;

    private const string Postgres = """
        SELECT format('column %s.%s %s %s %s %s %s', table_name, column_name, data_type, character_maximum_length,
                      numeric_precision, is_nullable, coalesce(column_default, is_identity)) AS "Value"
        FROM information_schema.columns WHERE table_schema = current_schema() AND table_name NOT LIKE '\_\_EF%'
        UNION ALL
        SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename NOT LIKE '\_\_EF%'
        UNION ALL
        SELECT format('constraint %s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
        FROM pg_constraint WHERE connamespace = current_schema()::regnamespace AND conrelid::regclass::text NOT LIKE '"\_\_EF%'
        """;

    private const string SqlServer = """
        SELECT CONCAT('column ', TABLE_NAME, '.', COLUMN_NAME, ' ', DATA_TYPE, ' ', CHARACTER_MAXIMUM_LENGTH, ' ', NUMERIC_PRECISION,
                      ' ', NUMERIC_SCALE, ' ', IS_NULLABLE, ' ', COLUMN_DEFAULT) AS Value
        FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME NOT LIKE '[_][_]EF%'
        UNION ALL
        SELECT CONCAT('index ', OBJECT_NAME(i.object_id), '.', i.name, ' unique=', i.is_unique, ' ', i.filter_definition, ' (',
               (SELECT STRING_AGG(COL_NAME(c.object_id, c.column_id), ',') WITHIN GROUP (ORDER BY c.key_ordinal)
                FROM sys.index_columns AS c WHERE c.object_id = i.object_id AND c.index_id = i.index_id), ')')
        FROM sys.indexes AS i WHERE OBJECTPROPERTY(i.object_id, 'IsUserTable') = 1 AND i.name IS NOT NULL AND OBJECT_NAME(i.object_id) NOT LIKE '[_][_]EF%'
        UNION ALL
        SELECT CONCAT('check ', OBJECT_NAME(parent_object_id), '.', name, ' ', definition) FROM sys.check_constraints
        UNION ALL
        SELECT CONCAT('foreign key ', OBJECT_NAME(parent_object_id), '.', name, ' ', delete_referential_action_desc) FROM sys.foreign_keys
        """;
}
