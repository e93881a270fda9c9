using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.DemoData;
using Portal.Identity;

namespace Portal.Tests.Security;

/// <summary>
/// Who may use what, read from the app itself: every endpoint its data sources hold (each routable page, each mapped
/// endpoint, the jobs dashboard, health) must declare a rule, and answers anonymous visitors and each role exactly as
/// that rule says when asked over HTTP.
/// </summary>
[Collection(Portal.Tests.Hosting.InProcessPortalCollection.Name)]
public sealed partial class AuthorizationMatrixTests : IAsyncLifetime
{
    private static readonly string?[] Visitors = [null, Roles.Sales, Roles.Purchasing, Roles.Warehouse, Roles.Admin];

    private readonly string dataFolder = Directory.CreateTempSubdirectory("portal-matrix-").FullName;
    private WebApplicationFactory<Program> factory = null!;

    public ValueTask InitializeAsync()
    {
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseSetting("Database:DataFolder", dataFolder)
            .UseSetting("SignIn:RateLimit:PermitLimit", "1000"));
        return ValueTask.CompletedTask;
    }

    [Fact]
    public void Every_page_and_endpoint_declares_who_may_use_it()
    {
        var undeclared = AppEndpoints()
            .Where(e => !e.Metadata.OfType<IAllowAnonymous>().Any() && !e.Metadata.OfType<IAuthorizeData>().Any())
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        Assert.True(undeclared.Count == 0, "No [Authorize] or [AllowAnonymous] on: " + string.Join(", ", undeclared));
        Assert.Contains(AppEndpoints(), e => e.RoutePattern.RawText == "/admin/jobs/{**path}");
        Assert.Contains(AppEndpoints(), e => e.RoutePattern.RawText == "/health/ready");
    }

    [Fact]
    public async Task Every_page_and_endpoint_answers_each_role_as_it_declares()
    {
        var mismatches = new List<string>();
        var refusals = new Dictionary<string, int>();
        foreach (var visitor in Visitors)
        {
            using var client = await ClientForAsync(visitor);
            refusals[visitor ?? "anonymous"] = 0;
            foreach (var endpoint in AppEndpoints())
            {
                var expected = await IsAllowedAsync(endpoint, visitor);
                var (method, path) = Request(endpoint);
                using var response = await client.SendAsync(new HttpRequestMessage(method, path));
                refusals[visitor ?? "anonymous"] += IsRefused(response) ? 1 : 0;
                if (IsRefused(response) == expected)
                {
                    mismatches.Add($"{method} {path} as {visitor ?? "anonymous"}: declared {(expected ? "allowed" : "refused")}, "
                                   + $"answered {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        // Each role is kept out of the other areas, and an Admin out of nothing.
        Assert.All(Visitors.Where(v => v != Roles.Admin), v => Assert.True(refusals[v ?? "anonymous"] > 0, $"{v} was refused nothing"));
        Assert.Equal(0, refusals[Roles.Admin]);
    }

    /// <summary>The app's own endpoints: not Blazor's circuit and framework plumbing, not static files (public by nature).</summary>
    private IEnumerable<RouteEndpoint> AppEndpoints() =>
        factory.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } pattern
                        && !pattern.StartsWith("/_blazor", StringComparison.Ordinal) && !pattern.StartsWith("/_framework", StringComparison.Ordinal)
                        && e.Metadata.GetMetadata<StaticAssetDescriptor>() is null
                        && !pattern.EndsWith(":file}", StringComparison.Ordinal)) // the static files' fallback
            .DistinctBy(e => e.RoutePattern.RawText);

    // What the framework itself decides for the endpoint's declared rule and a user holding only this role.
    private async Task<bool> IsAllowedAsync(RouteEndpoint endpoint, string? role)
    {
        if (endpoint.Metadata.OfType<IAllowAnonymous>().Any())
        {
            return true;
        }

        var policy = await AuthorizationPolicy.CombineAsync(factory.Services.GetRequiredService<IAuthorizationPolicyProvider>(),
            endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
        var user = role is null
            ? new ClaimsPrincipal(new ClaimsIdentity())
            : new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, role), new Claim(ClaimTypes.Role, role)], "matrix"));
        return (await factory.Services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, policy!)).Succeeded;
    }

    private static (HttpMethod Method, string Path) Request(RouteEndpoint endpoint)
    {
        var method = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET";
        var path = Parameter().Replace(endpoint.RoutePattern.RawText!, m => m.Value.StartsWith("{**", StringComparison.Ordinal) ? "recurring" : "1");
        return (new HttpMethod(method), path);
    }

    // Refused: sent to sign in or to "access denied", or told so in the status code.
    private static bool IsRefused(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found
            && response.Headers.Location?.OriginalString is { } to
            && (to.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) || to.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase));

    private async Task<HttpClient> ClientForAsync(string? role)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (role is null)
        {
            return client;
        }

        var user = DemoUsers.All.Single(u => u.Role == role);
        var form = await client.GetStringAsync("/Account/Login");
        var token = Token().Match(form).Groups[1].Value;
        var signIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email, ["Input.Password"] = DemoUsers.Password, ["__RequestVerificationToken"] = token, ["_handler"] = "login",
        }));
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"{user.Email} could not sign in: {(int)signIn.StatusCode}");
        return client;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        Directory.Delete(dataFolder, recursive: true);
    }
}
