using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Portal.Features.Allocation.Jobs;

namespace Portal.Tests.Common;

/// <summary>
/// Stands in for Hangfire's client in service tests: it records the jobs the app asks for and runs none (the tests run
/// the jobs' work themselves).
/// </summary>
public sealed class RecordingJobClient : IBackgroundJobClient
{
    private readonly ConcurrentQueue<Job> jobs = new();

    /// <summary>The products the app asked to allocate now, in id order.</summary>
    public IReadOnlyList<int> RequestedProducts =>
        jobs.Where(j => j.Type == typeof(AllocateProductJob)).Select(j => (int)j.Args[0]).Distinct().Order().ToList();

    /// <summary>How many runs of every marked product (the sweep's job) the app asked for.</summary>
    public int SweepsRequested => jobs.Count(j => j.Type == typeof(AllocationSweepJob));

    public string Create(Job job, IState state)
    {
        jobs.Enqueue(job);
        return jobs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;
}
