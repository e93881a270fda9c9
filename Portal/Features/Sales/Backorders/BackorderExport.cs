using System.Globalization;
using Portal.Features.Common;
using Portal.Identity;

namespace Portal.Features.Sales.Backorders;

/// <summary>
/// GET /sales/backorders/export.csv with the board's filters in the query string: a download needs a plain HTTP
/// response, which an interactive page cannot give. Same roles as the board.
/// </summary>
public static class BackorderExport
{
    public const string Path = "/sales/backorders/export.csv";

    public static IEndpointRouteBuilder MapBackorderExport(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ExportAsync).RequireAuthorization(policy => policy.RequireRole(Roles.Sales, Roles.Admin));
        return app;
    }

    /// <summary>The export link for what the board shows now.</summary>
    public static string Url(BackorderFilter filter, string? sortBy, bool descending)
    {
        var query = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null && value.ToString() is { Length: > 0 } text)
            {
                query.Add($"{name}={Uri.EscapeDataString(text)}");
            }
        }

        Add("rep", filter.SalesRep);
        Add("customer", filter.CustomerId);
        Add("product", filter.ProductId);
        Add("etaFrom", filter.EtaFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("etaTo", filter.EtaTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("noPo", filter.NoPurchaseOrder ? "true" : null);
        Add("sort", sortBy);
        Add("desc", descending ? "true" : null);
        return query.Count == 0 ? Path : $"{Path}?{string.Join("&", query)}";
    }

    private static async Task ExportAsync(
        HttpContext http, BackorderService backorders, TimeProvider clock,
        string? rep, int? customer, int? product, DateOnly? etaFrom, DateOnly? etaTo, bool? noPo, string? sort, bool? desc)
    {
        var filter = new BackorderFilter(rep, customer, product, etaFrom, etaTo, noPo ?? false);
        var today = clock.Today();
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"backorders-{today:yyyy-MM-dd}.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, BackorderCsv.Encoding, bufferSize: 16 * 1024);
        await BackorderCsv.WriteAsync(writer, backorders.StreamAsync(filter, sort, desc ?? false, http.RequestAborted), http.RequestAborted);
    }
}
