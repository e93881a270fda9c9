using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Portal.Data;

/// <summary>Stores timestamps on SQLite as fixed-width UTC text, so text order is time order.</summary>
public sealed class SqliteUtcTextConverter() : ValueConverter<DateTimeOffset, string>(
    value => value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture),
    text => DateTimeOffset.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal))
{
    public static string ToText(DateTimeOffset value) => value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture);

    public const string Format = "yyyy'-'MM'-'dd' 'HH':'mm':'ss'.'fffffffzzz";
}
