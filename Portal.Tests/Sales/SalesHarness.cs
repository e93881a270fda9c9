using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Data;
using Portal.Features.Allocation;
using Portal.Features.Sales.Backorders;
using Portal.Features.Sales.Customers;
using Portal.Features.Sales.OrderDetail;
using Portal.Features.Sales.OrderEntry;
using Portal.Features.Sales.Orders;
using Portal.Tests.Allocation.Service;
using Portal.Tests.Common;
using Portal.Tests.Infrastructure;
using Portal.Tests.Infrastructure.Builders;

namespace Portal.Tests.Sales;

/// <summary>
/// The Sales services wired as the app wires them, on one test's database: the clock stands at TestData.Now, the
/// allocation service is the real one, and the job client records the runs it was asked for, for the test to read.
/// </summary>
internal sealed class SalesHarness : IAsyncDisposable
{
    private readonly RecordingJobClient jobs = new();

    private SalesHarness(TestDatabase database)
    {
        Factory = new TestDbContextFactory(database);
        Scheduler = new AllocationScheduler(jobs, NullLogger<AllocationScheduler>.Instance);
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

    public static Task<SalesHarness> CreateAsync(TestDatabase database) => Task.FromResult(new SalesHarness(database));

    /// <summary>The products the scheduler was asked to allocate, in id order.</summary>
    public Task<IReadOnlyList<int>> RequestedProductsAsync() => Task.FromResult(jobs.RequestedProducts);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
