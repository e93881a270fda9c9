using Quartz;

namespace Portal.Features.Allocation.Jobs;

/// <summary>
/// Re-runs allocation for the products a committed change marked. One job key per product, and Quartz does not run
/// two firings of one job key at once, on this node or (clustered) any other.
/// </summary>
[DisallowConcurrentExecution]
public sealed class AllocateProductsJob(AllocationService allocation) : IJob
{
    public const string Group = "allocation";
    public const string ProductIdKey = "productId";

    public static JobKey KeyFor(int productId) => new($"product-{productId}", Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var productId = context.MergedJobDataMap.GetInt(ProductIdKey);
        var summary = await allocation.RunPendingAsync([productId], cancellationToken);
        context.Result = summary.Pools == 0
            ? JobRunReport.Skipped($"Product {productId}: already up to date")
            : JobRunReport.Succeeded($"Product {productId}: {summary.Describe()}").With("linesWritten", summary.LinesWritten).With("attempts", summary.Attempts);
    }
}
