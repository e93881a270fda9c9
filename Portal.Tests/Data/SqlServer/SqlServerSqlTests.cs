using System.Reflection;
using System.Text.RegularExpressions;
using Portal.Data;

namespace Portal.Tests.Data.SqlServer;

/// <summary>
/// No SQL Server runs where the tests do, so every SQL text the portal sends to it is at least parsed as T-SQL. The
/// texts are found by convention, not listed: each is a static string field whose name starts with "SqlServer".
/// </summary>
public sealed partial class SqlServerSqlTests
{
    [Fact]
    public void Every_SqlServer_text_parses_as_T_SQL()
    {
        var texts = SqlServerTexts();

        // Fewer means the convention was dropped somewhere and texts went unchecked.
        Assert.True(texts.Count >= 8, $"Found {texts.Count} SqlServer* texts; expected at least 8.");
        var failures = texts
            .Select(t => (t.Field, Errors: ParseErrors(t.Sql)))
            .Where(t => t.Errors.Count > 0)
            .Select(t => $"{t.Field.DeclaringType!.FullName}.{t.Field.Name}:" + string.Concat(t.Errors.Select(e => $"{Environment.NewLine}  {e}")))
            .ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void The_parser_rejects_PostgreSQL_syntax()
    {
        Assert.NotEmpty(ParseErrors("""SELECT count(*) FROM (SELECT unnest({0}::int[]) AS id) AS products"""));
    }

    private static List<(FieldInfo Field, string Sql)> SqlServerTexts() =>
        typeof(PortalDbContext).Assembly.GetTypes() // nested, internal and compiler-generated types included
            .Where(t => !t.ContainsGenericParameters)
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => f.FieldType == typeof(string) && f.Name.StartsWith("SqlServer", StringComparison.Ordinal))
            .Select(f => (f, (string)(f.IsLiteral ? f.GetRawConstantValue() : f.GetValue(null))!))
            .ToList();

    // EF's raw-SQL placeholders {0}, {1} become the parameters @p0, @p1 it sends.
    private static IReadOnlyList<string> ParseErrors(string sql) => TSql.Errors(Placeholder().Replace(sql, "@p$1"));

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
