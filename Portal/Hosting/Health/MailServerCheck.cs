using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Features.Notifications.Delivery;

namespace Portal.Hosting.Health;

/// <summary>The SMTP server in force (Admin → Settings, else the configuration) takes a connection; a pickup folder needs no server.</summary>
internal sealed class MailServerCheck(EmailSettingsSource email) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        EmailDelivery delivery;
        try
        {
            delivery = await email.CurrentAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The saved SMTP password can no longer be read.");
        }

        if (delivery.Mode != EmailMode.Smtp)
        {
            return HealthCheckResult.Healthy();
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(delivery.Smtp.Host, delivery.Smtp.Port, timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The mail server does not answer.");
        }
    }
}
