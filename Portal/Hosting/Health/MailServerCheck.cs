using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Portal.Features.Notifications.Delivery;

namespace Portal.Hosting.Health;

/// <summary>The SMTP server takes a connection (a pickup folder needs no server).</summary>
internal sealed class MailServerCheck(IOptions<EmailOptions> email) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (email.Value.Mode != EmailMode.Smtp)
        {
            return HealthCheckResult.Healthy();
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(email.Value.Smtp.Host, email.Value.Smtp.Port, timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The mail server does not answer.");
        }
    }
}
