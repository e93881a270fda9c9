using System.Net;
using Portal.Hosting.Security;
using Portal.Tests.Browser;

namespace Portal.Tests.Hosting;

/// <summary>The headers and cookies a browser gets from the portal: on pages, static files, endpoints and redirects.</summary>
public sealed class SecurityHeadersTests
{
    [Fact]
    public async Task Every_kind_of_response_carries_the_security_headers_and_cookies_are_http_only()
    {
        await using var portal = PortalServer.With(new Dictionary<string, string>());
        await portal.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(portal.BaseUrl) };

        // A page, a static file, an anonymous endpoint, and a protected endpoint answering with its redirect to sign-in.
        foreach (var path in new[] { "/Account/Login", "/app.css", "/health/live", "/sales/backorders/export.csv" })
        {
            var response = await http.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{path}: {response.StatusCode}");
            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
            Assert.DoesNotContain("unsafe-eval", Header(response, "Content-Security-Policy"));
            Assert.Equal(("nosniff", "same-origin", "DENY"),
                (Header(response, "X-Content-Type-Options"), Header(response, "Referrer-Policy"), Header(response, "X-Frame-Options")));
        }

        var signIn = await http.GetAsync("/Account/Login");
        var antiforgery = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", antiforgery.Replace("samesite", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase); // plain HTTP in development
    }

    [Fact]
    public async Task Outside_development_behind_a_tls_proxy_http_is_redirected_hsts_is_sent_and_cookies_are_secure()
    {
        await using var portal = PortalServer.With(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
            ["ASPNETCORE_HTTPS_PORT"] = "443",
        });
        await portal.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(portal.BaseUrl) };

        var plain = await SendAsync(http, "/Account/Login", viaTls: false);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal("https://portal.example/Account/Login", plain.Headers.Location?.ToString());

        // The load balancer's probe stays on plain HTTP.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, "/health/live", viaTls: false)).StatusCode);

        var secure = await SendAsync(http, "/Account/Login", viaTls: true);
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.StartsWith("max-age=31536000", Header(secure, "Strict-Transport-Security"));
        var cookie = Assert.Single(secure.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, string path, bool viaTls)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "portal.example";
        if (viaTls)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
        }

        return http.SendAsync(request);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";
}
