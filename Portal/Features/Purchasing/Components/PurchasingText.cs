using Portal.Domain.Allocation;
using Portal.Domain.Common;

namespace Portal.Features.Purchasing.Components;

/// <summary>How lead times and promises read on the purchasing pages; dates, money and counts are written by <see cref="Show"/>.</summary>
internal static class PurchasingText
{
    public static string LeadTime(int? days) => days is { } d ? $"{d} business day{(d == 1 ? "" : "s")}" : "unknown";

    public static string Eta(DateOnly? date, EtaBasis basis) => basis switch
    {
        EtaBasis.Unknown => Show.UnknownDate,
        EtaBasis.None => "not projected yet",
        _ => $"{Show.Date(date)} ({Basis(basis)})",
    };

    private static string Basis(EtaBasis basis) => basis switch
    {
        EtaBasis.Allocated => "in stock",
        EtaBasis.PurchaseOrder => "on a PO",
        EtaBasis.LeadTime => Show.NoPurchaseOrderYet,
        _ => basis.ToString().ToLowerInvariant(),
    };
}
