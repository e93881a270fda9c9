using Portal.Features.Purchasing;
using Quartz;

namespace Portal.Features.Allocation.Jobs;

/// <summary>Dates move as today moves: re-projects every product each night and records the day's backlog figures.</summary>
[DisallowConcurrentExecution]
public sealed class NightlyProjectionJob(AllocationService allocation, BacklogRecorder backlog) : IJob
{
    public static readonly JobKey Key = new("nightly", AllocateProductsJob.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var summary = await allocation.RunAllAsync(cancellationToken);
        var snapshot = await backlog.RecordAsync(cancellationToken);
        context.Result = JobRunReport.Succeeded($"{summary.Describe()}; backlog {snapshot.BackorderedUnits:N0} units on {snapshot.BackorderedLines:N0} lines");
    }
}
