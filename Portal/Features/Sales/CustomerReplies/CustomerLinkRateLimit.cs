using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Portal.Features.Notifications.Links;

namespace Portal.Features.Sales.CustomerReplies;

/// <summary>
/// The customer pages answer anyone holding a link, so each client address gets
/// <see cref="CustomerLinkOptions.RequestsPerMinute"/> requests a minute (page views, choices and fresh-link requests
/// together); more get a plain 429 that is never cached.
/// </summary>
internal sealed class CustomerLinkRateLimit(IOptions<CustomerLinkOptions> options) : IRateLimiterPolicy<string>
{
    public const string Policy = "customer-link";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (rejected, cancellationToken) =>
    {
        var response = rejected.HttpContext.Response;
        response.ContentType = "text/plain; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        return new ValueTask(response.WriteAsync("Too many requests from this address. Wait a minute, then try again.", cancellationToken));
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.Value.RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
