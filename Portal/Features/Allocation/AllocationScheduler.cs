using Portal.Features.Allocation.Jobs;
using Quartz;

namespace Portal.Features.Allocation;

/// <summary>
/// Asks the scheduler to run products now, after the change that marked them has committed. Losing such a request
/// (scheduler down, instance dies) loses nothing: the products stay marked and the sweep runs them.
/// </summary>
public sealed class AllocationScheduler(ISchedulerFactory schedulers, ILogger<AllocationScheduler> logger)
{
    public async Task RequestAsync(IEnumerable<int> productIds, CancellationToken cancellationToken = default)
    {
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            foreach (var productId in productIds.Distinct())
            {
                var job = JobBuilder.Create<AllocateProductsJob>()
                    .WithIdentity(AllocateProductsJob.KeyFor(productId))
                    .UsingJobData(AllocateProductsJob.ProductIdKey, productId)
                    .Build();

                // A unique trigger per request: a request arriving while the product runs waits its turn (the job
                // disallows concurrent runs) and then finds the product already done or runs the newer change.
                var trigger = TriggerBuilder.Create()
                    .WithIdentity($"product-{productId}-{Guid.NewGuid():N}", AllocateProductsJob.Group)
                    .ForJob(job)
                    .StartNow()
                    .Build();
                await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
            }
        }
        catch (Exception e) when (e is SchedulerException or InvalidOperationException)
        {
            logger.LogWarning(e, "Could not ask the scheduler to allocate now; the sweep will run the marked products.");
        }
    }
}
