using Portal.Features.Allocation.Jobs;

namespace Portal.Features.Allocation;

public static class AllocationServiceCollectionExtensions
{
    public static IServiceCollection AddAllocation(this IServiceCollection services) =>
        services
            .AddScoped<AllocationService>()
            .AddScoped<AllocationScheduler>()
            .AddTransient<AllocateProductJob>()
            .AddTransient<AllocationSweepJob>()
            .AddTransient<NightlyProjectionJob>();
}
