using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;

namespace Portal.Tests.Browser;

/// <summary>The pages the app routes to, found from its own route attributes rather than a list kept here.</summary>
internal static partial class AppRoutes
{
    /// <summary>
    /// Every page a signed-in user works in: the account, home and error pages are left out, and so is the customer's page
    /// (static, behind a signed link: CustomerLinkTests).
    /// </summary>
    public static IReadOnlyList<string> Templates() =>
        typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .Where(t => !t.StartsWith("/Account", StringComparison.Ordinal) && !t.StartsWith(Features.Notifications.Links.OrderLinks.PagePath, StringComparison.Ordinal)
                        && t is not ("/" or "/Error" or "/not-found"))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static bool HasParameters(string template) => template.Contains('{', StringComparison.Ordinal);

    /// <summary>The template with the demo data's first order, customer or product in each parameter.</summary>
    public static string WithFirstIds(string template) => Parameter().Replace(template, "1");

    /// <summary>Matches the paths the template routes (a link's path, without its query).</summary>
    public static Regex Matcher(string template)
    {
        // Each parameter is one path segment; {Id:int} only digits, so /sales/orders/new is not taken for an order.
        var pattern = Parameter().Replace(Regex.Escape(template).Replace(@"\{", "{", StringComparison.Ordinal),
            p => p.Value.Contains(":int", StringComparison.Ordinal) ? @"\d+" : "[^/]+");
        return new Regex($"^{pattern}$", RegexOptions.CultureInvariant);
    }

    /// <summary>A path as a file name: "/sales/orders/1" is "sales-orders-1".</summary>
    public static string Slug(string path) => path.Trim('/').Replace('/', '-');

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
