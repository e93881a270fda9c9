using Microsoft.Extensions.Logging.Abstractions;
using Portal.Features.Allocation;
using Portal.Features.Purchasing.PurchaseOrders;
using Portal.Features.Purchasing.Redistribution;
using Portal.Features.Purchasing.Suggestions;
using Portal.Tests.Common;
using Portal.Tests.Infrastructure;
using Portal.Tests.Infrastructure.Builders;

namespace Portal.Tests.Purchasing;

/// <summary>The purchasing services on a test's database, at <see cref="TestData.Now"/>, with no scheduler (the sweep's case).</summary>
internal sealed class PurchasingServices(TestDatabase db)
{
    public ManualClock Clock { get; } = new(TestData.Now);

    private TestDbContextFactory Factory => new(db);

    private AllocationScheduler Scheduler => new(new RecordingJobClient(), NullLogger<AllocationScheduler>.Instance);

    /// <summary>The allocation run a change asks for, run by hand (no scheduler here).</summary>
    public AllocationService Allocation => new(Factory, new Allocation.Service.RecordingNoticeQueue(), Clock, NullLogger<AllocationService>.Instance);

    public PurchaseOrderService PurchaseOrders => new(Factory, Scheduler, Clock);

    public SuggestionService Suggestions => new(Factory, PurchaseOrders, Clock);

    public RedistributionService Redistribution => new(Factory, Allocation, Scheduler, Clock);

    public PurchaseOrderQueries Queries => new(Factory, Clock);
}
