using System.ComponentModel;
using Hangfire;

namespace Portal.Features.Notifications.Jobs;

/// <summary>Delivers due customer notices; a failed delivery is retried by the sender itself with backoff, per notice.</summary>
public sealed class SendNoticesJob(NoticeSender sender)
{
    public const string Id = "send-notices";

    [DisplayName("Send due customer emails")]
    [DisableConcurrentExecution(Id, 600)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var summary = await sender.SendDueAsync(cancellationToken);
        return summary == NoticeSendSummary.None
            ? "Nothing due"
            : $"{summary.Sent} sent, {summary.Suppressed} suppressed, {summary.Failed} failed attempts ({summary.GaveUp} gave up), {summary.Skipped} skipped";
    }
}
