using System.Globalization;
using Portal.Domain.Allocation;

namespace Portal.Features.Purchasing.Components;

/// <summary>How dates, money and promises read on the purchasing pages.</summary>
internal static class PurchasingText
{
    public static string Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string Day(DateTimeOffset time) => Day(DateOnly.FromDateTime(time.UtcDateTime));

    public static string Money(decimal value) => value.ToString("C0", CultureInfo.GetCultureInfo("en-US"));

    public static string Units(int n) => n.ToString("N0", CultureInfo.GetCultureInfo("en-US"));

    public static string LeadTime(int? days) => days is { } d ? $"{d} business day{(d == 1 ? "" : "s")}" : "unknown";

    public static string Eta(DateOnly? date, EtaBasis basis) => basis switch
    {
        EtaBasis.Unknown => "unknown",
        EtaBasis.None => "not projected yet",
        _ => $"{Day(date)} ({Basis(basis)})",
    };

    private static string Basis(EtaBasis basis) => basis switch
    {
        EtaBasis.Allocated => "in stock",
        EtaBasis.PurchaseOrder => "on a PO",
        EtaBasis.LeadTime => "no PO yet",
        _ => basis.ToString().ToLowerInvariant(),
    };
}
