using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Data;
using Portal.Features.Allocation;
using Portal.Features.Allocation.Jobs;
using Portal.Features.Sales.Backorders;
using Portal.Features.Sales.Customers;
using Portal.Features.Sales.OrderDetail;
using Portal.Features.Sales.OrderEntry;
using Portal.Features.Sales.Orders;
using Portal.Tests.Allocation.Service;
using Portal.Tests.Common;
using Portal.Tests.Infrastructure;
using Portal.Tests.Infrastructure.Builders;
using Quartz;

namespace Portal.Tests.Sales;

/// <summary>
/// The Sales services wired as the app wires them, on one test's database: the clock stands at TestData.Now, the
/// allocation service is the real one, and the scheduler is a real Quartz scheduler that is never started, so the
/// runs it was asked for stay there for the test to read.
/// </summary>
internal sealed class SalesHarness : IAsyncDisposable
{
    private readonly StandaloneSchedulerFactory factory;
    private readonly IScheduler quartz;

    private SalesHarness(TestDatabase database, StandaloneSchedulerFactory factory, IScheduler quartz)
    {
        this.factory = factory;
        this.quartz = quartz;
        Factory = new TestDbContextFactory(database);
        Scheduler = new AllocationScheduler(factory, NullLogger<AllocationScheduler>.Instance);
    }

    public ManualClock Clock { get; } = new(TestData.Now);
    public RecordingNoticeQueue Notices { get; } = new();
    public IDbContextFactory<PortalDbContext> Factory { get; }
    public AllocationScheduler Scheduler { get; }

    public AllocationService Allocation => new(Factory, Notices, Clock, NullLogger<AllocationService>.Instance);
    public OrderEntryService Entry => EntryWith(Allocation);
    public OrderDetailService Detail => new(Factory, Scheduler, Clock);
    public OrderListService Orders => new(Factory, Clock);
    public BackorderService Backorders => new(Factory, Clock);
    public CustomerService Customers => new(Factory, Scheduler, Clock);

    public OrderEntryService EntryWith(AllocationService allocation) =>
        new(Factory, allocation, Scheduler, Clock, NullLogger<OrderEntryService>.Instance);

    public static async Task<SalesHarness> CreateAsync(TestDatabase database)
    {
        var factory = QuartzSchedulerBuilder.Create(quartz =>
        {
            quartz.ConfigureScheduler(s => s.InstanceName = $"sales-tests-{Guid.NewGuid():N}");
            quartz.UseInMemoryStore();
        }).Build();
        return new SalesHarness(database, factory, await factory.GetScheduler());
    }

    /// <summary>The products the scheduler was asked to allocate, in id order.</summary>
    public async Task<IReadOnlyList<int>> RequestedProductsAsync()
    {
        var keys = await quartz.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(AllocateProductsJob.Group));
        return keys.Select(k => int.Parse(k.Name["product-".Length..])).Order().ToList();
    }

    public ValueTask DisposeAsync() => factory.DisposeAsync();
}
