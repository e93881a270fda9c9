using System.ComponentModel;
using Hangfire;
using Portal.Features.Purchasing;

namespace Portal.Features.Allocation.Jobs;

/// <summary>Dates move as today moves: re-projects every product each night and records the day's backlog figures.</summary>
public sealed class NightlyProjectionJob(AllocationService allocation, BacklogRecorder backlog)
{
    public const string Id = "nightly-projection";

    [DisplayName("Re-project every product and record the backlog")]
    [DisableConcurrentExecution(Id, 3600)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [300, 900, 1800])]
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var summary = await allocation.RunAllAsync(cancellationToken);
        var snapshot = await backlog.RecordAsync(cancellationToken);
        var pruned = await allocation.PruneRunRecordsAsync(cancellationToken);
        return $"{summary.Describe()}; backlog {snapshot.BackorderedUnits:N0} units on {snapshot.BackorderedLines:N0} lines; {pruned:N0} old run records removed";
    }
}
