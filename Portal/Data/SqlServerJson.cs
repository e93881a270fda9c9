using System.Data;
using System.Text.Json;
using Microsoft.Data.SqlClient;

namespace Portal.Data;

/// <summary>
/// Rows for a SQL Server statement as one nvarchar(max) JSON parameter that the statement reads with
/// <c>OPENJSON(...) WITH (...)</c>: one parameter however many rows, where SQL Server refuses more than 2,100 per command.
/// System.Text.Json writes DateOnly as yyyy-MM-dd, DateTimeOffset as ISO 8601 with its offset (pass UTC, as stored) and
/// null as null, which the WITH clause reads as date, datetimeoffset and NULL.
/// </summary>
internal static class SqlServerJson
{
    // Always nvarchar(max): a size taken from the text would give the same statement a new plan per length.
    public static SqlParameter Rows<T>(IEnumerable<T> rows) =>
        new() { SqlDbType = SqlDbType.NVarChar, Size = -1, Value = JsonSerializer.Serialize(rows) };
}
