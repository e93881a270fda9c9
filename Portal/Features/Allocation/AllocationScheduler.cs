using Hangfire;
using Portal.Features.Allocation.Jobs;
using Portal.Hosting;

namespace Portal.Features.Allocation;

/// <summary>
/// Asks the job scheduler to run products now, after the change that marked them has committed. Losing such a request
/// (storage down, instance dies) loses nothing: the products stay marked and the sweep runs them.
/// </summary>
public sealed class AllocationScheduler(IBackgroundJobClient jobs, ILogger<AllocationScheduler> logger)
{
    public Task RequestAsync(IEnumerable<int> productIds, CancellationToken cancellationToken = default)
    {
        try
        {
            foreach (var productId in productIds.Distinct())
            {
                jobs.Enqueue<AllocateProductJob>(JobQueues.Allocation, job => job.RunAsync(productId, CancellationToken.None));
            }
        }
        catch (Exception e) when (e is BackgroundJobClientException or InvalidOperationException)
        {
            logger.LogWarning(e, "Could not ask the scheduler to allocate now; the sweep will run the marked products.");
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Asks for one run of every marked product now (the sweep's job), after a change that marked them all, such as a
    /// holiday: one job instead of one per product.
    /// </summary>
    public Task RequestSweepAsync()
    {
        try
        {
            jobs.Enqueue<AllocationSweepJob>(JobQueues.Allocation, job => job.RunAsync(CancellationToken.None));
        }
        catch (Exception e) when (e is BackgroundJobClientException or InvalidOperationException)
        {
            logger.LogWarning(e, "Could not ask the scheduler for a sweep; the next scheduled sweep runs the marked products.");
        }

        return Task.CompletedTask;
    }
}
