namespace Portal.Hosting.Security;

/// <summary>
/// The headers every response carries: pages, static files, the jobs dashboard, health and account endpoints alike.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts come only from the portal itself (Blazor's and MudBlazor's files; neither needs eval). Styles also
    /// allow 'unsafe-inline' because MudBlazor writes its theme as a style element and positions popovers, dialogs and
    /// grid columns with style attributes; inline styles cannot run code, and scripts stay strict. The circuit's
    /// WebSocket is same-origin ('self'). Nothing may frame the portal.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY"; // for browsers that predate frame-ancestors
                headers["Referrer-Policy"] = "same-origin"; // an internal portal: its addresses (order numbers) stay inside
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
