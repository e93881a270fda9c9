using Quartz;

namespace Portal.Features.Allocation.Jobs;

/// <summary>
/// The safety net: every few minutes, runs every product still marked, so a change whose trigger was lost (the
/// scheduler was down, the instance died after committing) is allocated anyway.
/// </summary>
[DisallowConcurrentExecution]
public sealed class AllocationSweepJob(AllocationService allocation) : IJob
{
    public static readonly JobKey Key = new("sweep", AllocateProductsJob.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var summary = await allocation.RunPendingAsync(null, cancellationToken);
        context.Result = summary.Pools == 0
            ? JobRunReport.Skipped("No product waiting")
            : JobRunReport.Succeeded(summary.Describe()).With("products", summary.Products).With("linesWritten", summary.LinesWritten);
    }
}
