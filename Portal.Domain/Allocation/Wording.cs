using System.Globalization;

namespace Portal.Domain.Allocation;

internal static class Wording
{
    public static string Units(int n) => n == 1 ? "1 unit" : N(n) + " units";

    public static string Days(int n, string what) => $"+{N(n)} {what} day{(n == 1 ? "" : "s")}";

    public static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
