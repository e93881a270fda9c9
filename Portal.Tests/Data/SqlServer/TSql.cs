using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Portal.Tests.Data.SqlServer;

/// <summary>Parses T-SQL as SQL Server 2022 would (quoted identifiers on, GO separating batches).</summary>
internal static class TSql
{
    public static IReadOnlyList<string> Errors(string sql)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        return errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToList();
    }
}
