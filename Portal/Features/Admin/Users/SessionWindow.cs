using System.Globalization;

namespace Portal.Features.Admin.Users;

/// <summary>How long open pages of a changed user keep working, in words: "a minute", "30 seconds", "5 minutes".</summary>
public static class SessionWindow
{
    public static string Words(TimeSpan interval) =>
        interval == TimeSpan.FromMinutes(1) ? "a minute"
        : interval < TimeSpan.FromMinutes(1) ? Count(interval.TotalSeconds, "second")
        : Count(interval.TotalMinutes, "minute");

    private static string Count(double amount, string unit) =>
        amount == 1 ? $"1 {unit}" : $"{amount.ToString("0.#", CultureInfo.InvariantCulture)} {unit}s";
}
