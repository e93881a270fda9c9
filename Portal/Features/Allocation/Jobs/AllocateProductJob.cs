using System.ComponentModel;
using Hangfire;

namespace Portal.Features.Allocation.Jobs;

/// <summary>
/// Re-runs allocation for a product a committed change marked. The run's database lock is what keeps two runs of one
/// product apart, across instances too; the keyed lock here only keeps workers from queuing up behind it.
/// </summary>
public sealed class AllocateProductJob(AllocationService allocation)
{
    [DisplayName("Allocate product {0}")]
    [DisableConcurrentExecution("allocate-product:{0}", 600)]
    [AutomaticRetry(Attempts = 4, DelaysInSeconds = [30, 60, 120, 240])]
    public async Task<string> RunAsync(int productId, CancellationToken cancellationToken)
    {
        var summary = await allocation.RunPendingAsync([productId], cancellationToken);
        return summary.Pools == 0 ? "Already up to date" : summary.Describe();
    }
}
