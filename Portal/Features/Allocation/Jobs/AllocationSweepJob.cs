using System.ComponentModel;
using Hangfire;

namespace Portal.Features.Allocation.Jobs;

/// <summary>
/// The safety net: every few minutes, and at start, runs every product still marked, so a change whose job was lost
/// (the queue lived in memory, the instance died after committing) is allocated anyway.
/// </summary>
public sealed class AllocationSweepJob(AllocationService allocation)
{
    public const string Id = "allocation-sweep";

    [DisplayName("Allocate every product still marked")]
    [DisableConcurrentExecution(Id, 600)]
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [30, 120])]
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var summary = await allocation.RunPendingAsync(null, cancellationToken);
        return summary.Pools == 0 ? "No product waiting" : summary.Describe();
    }
}
