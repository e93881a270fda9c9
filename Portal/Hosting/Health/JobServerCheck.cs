using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Portal.Hosting.Health;

/// <summary>A job server of this process has beaten its heart recently (Hangfire records it in the job storage).</summary>
internal sealed class JobServerCheck(JobStorage storage, TimeProvider clock) : IHealthCheck
{
    private static readonly TimeSpan Silence = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Hangfire names a server "<machine>:<process id>:<guid>".
        var prefix = $"{Environment.MachineName}:{Environment.ProcessId}:".ToLowerInvariant();
        var since = clock.GetUtcNow().UtcDateTime - Silence;
        var beating = storage.GetMonitoringApi().Servers()
            .Any(s => s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && s.Heartbeat >= since);
        return Task.FromResult(beating ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("No job server is running."));
    }
}
