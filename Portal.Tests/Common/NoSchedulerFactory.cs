using Quartz;

namespace Portal.Tests.Common;

/// <summary>
/// For service tests that run the jobs' work themselves: asking for a run now fails as it does when the scheduler is
/// down, which the app logs and leaves to the sweep.
/// </summary>
public sealed class NoSchedulerFactory : ISchedulerFactory
{
    public ValueTask<List<IScheduler>> GetAllSchedulers(CancellationToken cancellationToken = default) => ValueTask.FromResult(new List<IScheduler>());

    public ValueTask<IScheduler> GetScheduler(CancellationToken cancellationToken = default) =>
        throw new SchedulerException("No scheduler in this test: the test runs the jobs' work itself.");

    public ValueTask<IScheduler?> GetScheduler(string schedName, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IScheduler?>(null);

    public ValueTask<IScheduler?> LookupScheduler(string schedName, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IScheduler?>(null);
}
