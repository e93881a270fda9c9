using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Portal.Hosting.Health;

/// <summary>
/// For load balancers and orchestrators, anonymous: <c>/health/live</c> answers while the process runs;
/// <c>/health/ready</c> when the database answers with every migration applied and this instance's job server beats.
/// A mail server that cannot be reached makes it Degraded, not Unhealthy: the outbox keeps the emails until it returns.
/// The body is one word, so nothing about versions, hosts or errors leaves the process.
/// </summary>
public static class HealthSetup
{
    private const string Ready = "ready";

    public static IServiceCollection AddPortalHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: [Ready])
            .AddCheck<JobServerCheck>("jobs", tags: [Ready])
            .AddCheck<MailServerCheck>("mail", failureStatus: HealthStatus.Degraded, tags: [Ready]);
        return services;
    }

    public static void MapPortalHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) }).AllowAnonymous();
    }
}
