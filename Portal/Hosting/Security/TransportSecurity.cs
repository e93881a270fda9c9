using Microsoft.AspNetCore.CookiePolicy;

namespace Portal.Hosting.Security;

/// <summary>
/// HTTPS and cookies. <c>Security:RequireHttps</c> (on by default outside Development) redirects HTTP to HTTPS, sends
/// HSTS and marks every cookie Secure. Behind a TLS-terminating proxy, set <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>
/// so the portal sees the original scheme. Every cookie (sign-in, antiforgery) is HttpOnly and at least SameSite=Lax.
/// </summary>
public static class TransportSecurity
{
    public static bool RequiresHttps(this WebApplicationBuilder builder) =>
        builder.Configuration.GetValue("Security:RequireHttps", !builder.Environment.IsDevelopment());

    public static void AddPortalTransportSecurity(this WebApplicationBuilder builder)
    {
        var https = builder.RequiresHttps();
        builder.Services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        builder.Services.Configure<CookiePolicyOptions>(cookies =>
        {
            cookies.HttpOnly = HttpOnlyPolicy.Always; // no script of the portal reads a cookie
            cookies.Secure = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            cookies.MinimumSameSitePolicy = SameSiteMode.Lax; // Lax, not Strict: a link from an email still arrives signed in
        });
    }

    public static void UsePortalTransportSecurity(this WebApplication app, bool requireHttps)
    {
        if (requireHttps)
        {
            app.UseHsts();
            // A load balancer probes health over plain HTTP inside the network; a redirect would read as "down".
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), branch => branch.UseHttpsRedirection());
        }

        app.UseCookiePolicy();
    }
}
