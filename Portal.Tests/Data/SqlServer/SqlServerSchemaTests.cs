using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data.SqlServer;

/// <summary>
/// No SQL Server can run on the machines CI uses, so what SQL Server would refuse when the migrations run is checked
/// offline: the script must parse as T-SQL, and the model must keep the DDL rules a parser cannot see.
/// </summary>
public sealed class SqlServerSchemaTests
{
    private static readonly PortalDbContext Context = TestDatabase.CreateOfflineContext(DatabaseProvider.SqlServer);

    [Fact]
    public void The_idempotent_migration_script_parses_as_T_SQL()
    {
        var script = Context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Empty(TSql.Errors(script));
        Assert.Contains("CREATE TABLE [SalesOrderLines]", script);
        Assert.Contains("IF NOT EXISTS", script); // idempotent: every migration is guarded by the history table
    }

    [Fact]
    public void No_table_is_reached_by_two_cascading_delete_paths()
    {
        // SQL Server refuses a foreign key that makes a second cascade path (or a cycle) to a table: error 1785.
        var cascades = Context.Model.GetEntityTypes().SelectMany(e => e.GetForeignKeys())
            .Where(fk => fk.DeleteBehavior is DeleteBehavior.Cascade or DeleteBehavior.SetNull)
            .Select(fk => (From: fk.PrincipalEntityType.GetTableName()!, To: fk.DeclaringEntityType.GetTableName()!))
            .ToList();

        var doubled = cascades.Select(c => c.From).Distinct()
            .SelectMany(start => PathCounts(start, cascades).Where(p => p.Value > 1).Select(p => $"{start} -> {p.Key}: {p.Value} paths"))
            .ToList();
        Assert.True(doubled.Count == 0, "Two cascade paths lead to one table:\n" + string.Join("\n", doubled));
        Assert.Contains(cascades, c => c is { From: "SalesOrders", To: "SalesOrderLines" }); // the walk sees real cascades
    }

    [Fact]
    public void Filtered_indexes_only_compare_columns_with_constants()
    {
        // A filtered index's predicate may only compare a column with a constant, joined by AND (no OR, no column
        // compared with another); the provider's own "IS NOT NULL" filters on unique indexes are of that kind.
        var filters = Context.Model.GetEntityTypes().SelectMany(e => e.GetIndexes())
            .Select(i => (Index: i.GetDatabaseName(), Filter: i.GetFilter())).Where(i => i.Filter is not null).ToList();

        var refused = filters.Where(f => !IsSimpleFilter(f.Filter!)).Select(f => $"{f.Index}: {f.Filter}").ToList();
        Assert.True(refused.Count == 0, "SQL Server refuses these index filters:\n" + string.Join("\n", refused));
        Assert.NotEmpty(filters);
        Assert.False(IsSimpleFilter("\"Ordered\" > \"Received\" + \"Cancelled\""));
    }

    [Fact]
    public void Every_indexed_column_fits_in_an_index_key()
    {
        // SQL Server cannot index nvarchar(max): a key or indexed string needs a maximum length.
        var unbounded = Context.Model.GetEntityTypes()
            .SelectMany(e => e.GetIndexes().SelectMany(i => i.Properties).Concat(e.GetKeys().SelectMany(k => k.Properties)))
            .Where(p => p.GetColumnType().Contains("(max)", StringComparison.OrdinalIgnoreCase))
            .Select(p => $"{p.DeclaringType.DisplayName()}.{p.Name} ({p.GetColumnType()})")
            .Distinct()
            .ToList();
        Assert.True(unbounded.Count == 0, "Indexed columns without a length:\n" + string.Join("\n", unbounded));
    }

    private static Dictionary<string, int> PathCounts(string start, List<(string From, string To)> edges)
    {
        var counts = new Dictionary<string, int>();
        void Walk(string table, HashSet<string> onPath)
        {
            foreach (var (_, to) in edges.Where(e => e.From == table))
            {
                counts[to] = counts.GetValueOrDefault(to) + (onPath.Contains(to) ? 2 : 1); // a cycle counts as doubled
                if (onPath.Add(to))
                {
                    Walk(to, onPath);
                    onPath.Remove(to);
                }
            }
        }

        Walk(start, [start]);
        return counts;
    }

    private static bool IsSimpleFilter(string filter)
    {
        var parsed = new TSql160Parser(initialQuotedIdentifiers: true).ParseBooleanExpression(new StringReader(filter), out var errors);
        return errors.Count == 0 && IsSimple(parsed);

        static bool IsSimple(BooleanExpression e) => e switch
        {
            BooleanBinaryExpression { BinaryExpressionType: BooleanBinaryExpressionType.And } and => IsSimple(and.FirstExpression) && IsSimple(and.SecondExpression),
            BooleanParenthesisExpression p => IsSimple(p.Expression),
            BooleanIsNullExpression { Expression: ColumnReferenceExpression } => true,
            BooleanComparisonExpression c => (c.FirstExpression, c.SecondExpression) is (ColumnReferenceExpression, Literal) or (Literal, ColumnReferenceExpression),
            InPredicate { Expression: ColumnReferenceExpression, Subquery: null } @in => @in.Values.All(v => v is Literal),
            _ => false,
        };
    }
}
