using Quartz;

namespace Portal.Features.Notifications.Jobs;

/// <summary>Delivers due customer notices every minute; failures are retried by the sender itself with backoff.</summary>
[DisallowConcurrentExecution]
public sealed class SendNoticesJob(NoticeSender sender) : IJob
{
    public static readonly JobKey Key = new("send", "notifications");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var summary = await sender.SendDueAsync(cancellationToken);
        var text = $"{summary.Sent} sent, {summary.Suppressed} suppressed, {summary.Failed} failed attempts ({summary.GaveUp} gave up), {summary.Skipped} skipped";
        context.Result = summary == NoticeSendSummary.None
            ? JobRunReport.Skipped("Nothing due")
            : summary.Failed > 0 ? JobRunReport.Failed(text) : JobRunReport.Succeeded(text);
    }
}
