using System.Globalization;
using System.Text;

namespace Portal.Features.Sales.Backorders;

/// <summary>
/// The backorders board as RFC 4180 CSV: comma-separated, CRLF line ends, fields with a comma, quote or line
/// break quoted and their quotes doubled. Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a
/// leading apostrophe, because exports are opened in Excel and customer names come from outside.
/// </summary>
public static class BackorderCsv
{
    public static readonly string[] Header =
        ["Customer number", "Customer", "Order", "Line", "SKU", "Product", "Backordered", "Placed", "Age (days)", "ETA", "ETA basis", "Unit price", "Value", "Covering PO", "Sales rep", "ETA note"];

    public static async Task WriteAsync(TextWriter writer, IAsyncEnumerable<BackorderRow> rows, CancellationToken cancellationToken = default)
    {
        await writer.WriteAsync(Line(Header));
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Line(
            [
                Text(r.CustomerCode), Text(r.CustomerName), r.OrderNumber, Number(r.LineNumber), Text(r.Sku), Text(r.Product),
                Number(r.Backordered), r.PlacedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Number(r.AgeDays),
                r.Eta?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", r.EtaBasis.ToString(),
                r.UnitPrice.ToString("0.00##", CultureInfo.InvariantCulture), r.Value.ToString("0.00##", CultureInfo.InvariantCulture),
                r.PurchaseOrderNumber ?? "", Text(r.SalesRep), Text(r.EtaNote ?? ""),
            ]));
        }
    }

    public static string Line(IEnumerable<string> fields) => string.Join(",", fields.Select(Quote)) + "\r\n";

    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;

    private static string Text(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
}
