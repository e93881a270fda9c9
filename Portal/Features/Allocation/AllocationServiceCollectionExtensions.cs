using Portal.Features.Allocation.Jobs;
using Portal.Features.Purchasing;

namespace Portal.Features.Allocation;

public static class AllocationServiceCollectionExtensions
{
    public static IServiceCollection AddAllocation(this IServiceCollection services) =>
        services
            .AddScoped<AllocationService>()
            .AddScoped<AllocationScheduler>()
            .AddScoped<BacklogRecorder>()
            .AddTransient<AllocateProductJob>()
            .AddTransient<AllocationSweepJob>()
            .AddTransient<NightlyProjectionJob>();
}
