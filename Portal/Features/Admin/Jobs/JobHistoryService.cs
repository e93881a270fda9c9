using Portal.Hosting;
using Quartz;
using Quartz.Extensibility;

namespace Portal.Features.Admin.Jobs;

public sealed record JobRun(
    string Job, string Scope, string Node, DateTimeOffset FiredAt, TimeSpan Duration, string Result, string? Summary, string? Error,
    int RetryAttempt, bool RetryScheduled);

public sealed record JobRunPage(IReadOnlyList<JobRun> Runs, int Total);

/// <summary>
/// Reads the scheduler's run history, which Quartz keeps in the portal's database for the whole cluster, so an
/// Admin sees every node's runs, failures and retries in one list.
/// </summary>
public sealed class JobHistoryService(IExecutionHistoryStore history)
{
    public async Task<JobRunPage> GetAsync(int skip, int take, string? job, bool failuresOnly, CancellationToken cancellationToken = default)
    {
        var query = new ExecutionHistoryQuery
        {
            SchedulerName = SchedulerSetup.SchedulerName,
            JobContains = string.IsNullOrWhiteSpace(job) ? null : job.Trim(),
            Results = failuresOnly ? [JobRunResult.Failed] : null,
            Skip = skip,
            Take = take,
            IncludeTotalCount = true,
        };
        var page = await history.QueryExecutions(query, cancellationToken);
        return new JobRunPage(page.Items.Select(ToRun).ToList(), page.TotalCount ?? page.Items.Count);
    }

    private static JobRun ToRun(ExecutionHistoryEntry e) => new(
        e.JobGroup,
        e.JobName.StartsWith("product-", StringComparison.Ordinal) ? $"Product {e.JobName["product-".Length..]}" : e.JobName,
        e.SchedulerInstanceId,
        e.FiredAtUtc,
        e.Duration,
        e.EffectiveResult.ToString(),
        e.Summary,
        e.ExceptionMessage,
        e.RetryAttempt,
        e.RetryScheduled);
}
