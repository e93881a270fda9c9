using System.Globalization;

namespace Portal.Domain.Common;

/// <summary>
/// One way to write dates, times, money and counts, everywhere a person reads them: pages, emails and the engine's
/// notes. ISO dates are for exports and APIs only.
/// </summary>
public static class Show
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The words for a date nobody can give yet.</summary>
    public const string UnknownDate = "unknown date";

    /// <summary>The words for quantity no purchase order covers yet.</summary>
    public const string NoPurchaseOrderYet = "no purchase order yet";

    /// <summary>"Tue 24 Nov 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("ddd d MMM yyyy", Invariant);

    /// <summary>"Tue 24 Nov 2026", or "unknown date".</summary>
    public static string Date(DateOnly? date) => date is { } d ? Date(d) : UnknownDate;

    /// <summary>"Tue 24 Nov 2026 14:05 UTC": stored times are UTC, and the zone is always said.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("ddd d MMM yyyy HH:mm 'UTC'", Invariant);

    /// <summary>"USD 1,234.50".</summary>
    public static string Money(decimal amount, string currency = "USD") => $"{currency} {amount.ToString("N2", Invariant)}";

    /// <summary>"12,345".</summary>
    public static string Count(int count) => count.ToString("N0", Invariant);
}
