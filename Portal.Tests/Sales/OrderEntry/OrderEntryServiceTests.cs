using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Allocation;
using Portal.Features.Allocation;
using Portal.Features.Sales.OrderEntry;
using Portal.Tests.Allocation.Service;
using Portal.Tests.Infrastructure;
using Portal.Tests.Infrastructure.Builders;
using Microsoft.Extensions.Logging.Abstractions;

namespace Portal.Tests.Sales.OrderEntry;

public sealed class OrderEntryServiceTestsOnSqlite() : OrderEntryServiceTests(DatabaseProvider.Sqlite);

public sealed class OrderEntryServiceTestsOnPostgres() : OrderEntryServiceTests(DatabaseProvider.Postgres);

public sealed class OrderEntryServiceTestsOnSqlServer() : OrderEntryServiceTests(DatabaseProvider.SqlServer);

/// <summary>Order entry: the promise before saving, and what saving does. "Now" is Monday 23 November 2026.</summary>
public abstract class OrderEntryServiceTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private static readonly DateOnly Tuesday24 = new(2026, 11, 24);
    private static readonly DateOnly Friday27 = new(2026, 11, 27);
    private static readonly DateOnly Tuesday1Dec = new(2026, 12, 1);

    [Fact]
    public async Task Preview_shows_stock_promised_to_others_incoming_supply_and_the_engine_date_per_line()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        await using var db = NewContext();
        var shop = new SalesData(new TestData(db));
        var plenty = shop.Product(onHand: 50);
        var short_ = shop.Product(onHand: 5);
        shop.Order(shop.Customer(), (short_, 3));
        shop.PurchaseOrder(short_, 10, Friday27);
        await sales.Allocation.RunAsync([short_.Id]);
        var customer = shop.Customer();

        var preview = await sales.Entry.PreviewAsync(Draft(shop, customer.Id, (1, plenty.Id, 4), (2, short_.Id, 6)));

        var first = preview.Line(1)!;
        Assert.Equal((50, 0, 50, 4, 0, Tuesday24, EtaBasis.Allocated), (first.OnHand, first.PromisedToOthers, first.AvailableNow, first.ShipsNow, first.Backordered, first.ShipDate, first.Basis));
        var second = preview.Line(2)!;
        Assert.Equal((5, 3, 2, 2, 4), (second.OnHand, second.PromisedToOthers, second.AvailableNow, second.ShipsNow, second.Backordered));
        // The 4 waiting units come off the PO due Friday 27th: + 1 receiving day (Monday) + 1 pick day = Tuesday 1 December.
        Assert.Equal((Tuesday1Dec, EtaBasis.PurchaseOrder), (second.ShipDate, second.Basis));
        var incoming = Assert.Single(second.Incoming);
        Assert.Equal((10, Friday27, false), (incoming.OpenQuantity, incoming.ExpectedDate, incoming.Overdue));
        Assert.Equal(incoming.PurchaseOrderId, second.CoveringPurchaseOrderId);
        Assert.Contains(incoming.Number, second.Explanation);
        Assert.Equal("6 units ship by Tue 24 Nov 2026; the other 4 by Tue 1 Dec 2026.", preview.Summary);
    }

    [Fact]
    public async Task Preview_follows_quantity_and_ship_complete_changes()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        await using var db = NewContext();
        var shop = new SalesData(new TestData(db));
        var plenty = shop.Product(onHand: 50);
        var scarce = shop.Product(onHand: 2, leadTimeDays: 10);
        var customer = shop.Customer();

        var small = await sales.Entry.PreviewAsync(Draft(shop, customer.Id, (1, plenty.Id, 1), (2, scarce.Id, 2)));
        var large = await sales.Entry.PreviewAsync(Draft(shop, customer.Id, (1, plenty.Id, 1), (2, scarce.Id, 5)));
        var complete = await sales.Entry.PreviewAsync(Draft(shop, customer.Id, (1, plenty.Id, 1), (2, scarce.Id, 5)) with { ShipComplete = true });

        Assert.Equal("Everything ships by Tue 24 Nov 2026.", small.Summary);
        // 3 beyond stock with no purchase order: 10 business days lead time + receiving + pick = Wednesday 9 December.
        Assert.Equal((2, 3, new DateOnly(2026, 12, 9), EtaBasis.LeadTime), (large.Line(2)!.ShipsNow, large.Line(2)!.Backordered, large.Line(2)!.ShipDate, large.Line(2)!.Basis));
        Assert.Equal("Ships complete by Wed 9 Dec 2026.", complete.Summary);
    }

    [Fact]
    public async Task A_new_order_waits_behind_earlier_orders_of_its_priority_class()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        await using var db = NewContext();
        var shop = new SalesData(new TestData(db));
        var product = shop.Product(onHand: 4);
        // Saved but not allocated yet (no run since): it was placed first, so the free stock is its.
        shop.Order(shop.Customer(tier: 3), (product, 3));

        var preview = await sales.Entry.PreviewAsync(Draft(shop, shop.Customer(tier: 3).Id, (1, product.Id, 2)));
        var priority = await sales.Entry.PreviewAsync(Draft(shop, shop.Customer(tier: 1).Id, (1, product.Id, 2)));

        Assert.Equal((4, 3, 1), (preview.Line(1)!.AvailableNow, preview.Line(1)!.TakenByOrdersAhead, preview.Line(1)!.ShipsNow));
        Assert.Equal((0, 2), (priority.Line(1)!.TakenByOrdersAhead, priority.Line(1)!.ShipsNow));
    }

    [Fact]
    public async Task Saving_allocates_at_once_and_the_lines_hold_exactly_what_the_preview_promised()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        await using var db = NewContext();
        var shop = new SalesData(new TestData(db));
        var plenty = shop.Product(onHand: 50);
        var scarce = shop.Product(onHand: 3);
        shop.PurchaseOrder(scarce, 20, Friday27);
        var customer = shop.Customer();
        var draft = Draft(shop, customer.Id, (1, plenty.Id, 7), (2, scarce.Id, 8));
        var preview = await sales.Entry.PreviewAsync(draft);

        var result = await sales.Entry.CreateAsync(draft, "sam@portal.example");

        Assert.Null(result.Error);
        await using var check = NewContext();
        var lines = await check.SalesOrderLines.AsNoTracking().Where(l => l.SalesOrderId == result.OrderId).OrderBy(l => l.LineNumber).ToListAsync();
        foreach (var line in (await sales.Detail.GetAsync(result.OrderId!.Value))!.Lines)
        {
            var promised = preview.Line(line.LineNumber)!;
            Assert.Equal((promised.ShipsNow, promised.Backordered, promised.ShipDate, promised.Basis),
                (line.Allocated, line.Backordered, line.Eta, line.EtaBasis));
        }

        Assert.Equal((3, 5), (lines[1].Allocated, lines[1].Backordered));
        Assert.Equal(3, (await check.StockLevels.SingleAsync(s => s.ProductId == scarce.Id)).Allocated);
        Assert.False(await check.PendingAllocations.AnyAsync(), "the run that followed the save cleared the marks");
        var audit = Assert.Single(await check.AuditEvents.Where(a => a.Action == "Created").ToListAsync());
        Assert.Equal(("sam@portal.example", "SalesOrder"), (audit.User, audit.Entity));
        Assert.Contains($"{scarce.Sku} × 8", audit.Details);
        var order = await check.SalesOrders.SingleAsync(o => o.Id == result.OrderId);
        Assert.Equal((customer.SalesRep, TestData.Now), (order.SalesRep, order.PlacedAt));
    }

    [Fact]
    public async Task When_the_immediate_run_fails_the_order_stays_saved_and_marked_and_the_scheduler_is_asked()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        await using var db = NewContext();
        var shop = new SalesData(new TestData(db));
        var product = shop.Product(onHand: 1);
        var failing = new AllocationService(sales.Factory, new RecordingNoticeQueue { DuringRun = (_, _) => throw new InvalidOperationException("mail server on fire") },
            sales.Clock, NullLogger<AllocationService>.Instance);

        var result = await sales.EntryWith(failing).CreateAsync(Draft(shop, shop.Customer().Id, (1, product.Id, 3)), "sam@portal.example");

        Assert.NotNull(result.OrderId);
        await using var check = NewContext();
        Assert.True(await check.PendingAllocations.AnyAsync(p => p.ProductId == product.Id));
        Assert.Equal([product.Id], await sales.RequestedProductsAsync());
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { "zero quantity", "Quantity must be at least 1; got 0." },
        { "negative quantity", "Quantity must be at least 1; got -4." },
        { "absurd quantity", "Quantity of 5,000,000 is more than the 1,000,000 units allowed on one line." },
        { "unknown product", "Line 1: that product is unknown." },
        { "inactive product", "is no longer sold" },
        { "inactive customer", "is inactive; reactivate it before taking orders." },
        { "no customer", "Pick a customer first." },
        { "no lines", "Add at least one line." },
        { "requested in the past", "The requested ship date Fri 20 Nov 2026 is in the past." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Orders_that_cannot_be_taken_are_refused_with_a_message_and_nothing_is_saved(string problem, string message)
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        await using var db = NewContext();
        var shop = new SalesData(new TestData(db));
        var product = shop.Product(onHand: 10);
        var customer = shop.Customer();
        var draft = Draft(shop, customer.Id, (1, product.Id, 2));
        switch (problem)
        {
            case "zero quantity": draft = Draft(shop, customer.Id, (1, product.Id, 0)); break;
            case "negative quantity": draft = Draft(shop, customer.Id, (1, product.Id, -4)); break;
            case "absurd quantity": draft = Draft(shop, customer.Id, (1, product.Id, 5_000_000)); break;
            case "unknown product": draft = Draft(shop, customer.Id, (1, 987_654, 2)); break;
            case "inactive product": product.Deactivate(); db.SaveChanges(); break;
            case "inactive customer": customer.Deactivate(); db.SaveChanges(); break;
            case "no customer": draft = draft with { CustomerId = null }; break;
            case "no lines": draft = draft with { Lines = [] }; break;
            case "requested in the past": draft = draft with { RequestedShipDate = new DateOnly(2026, 11, 20) }; break;
        }

        var result = await sales.Entry.CreateAsync(draft, "sam@portal.example");

        Assert.Null(result.OrderId);
        Assert.Contains(message, result.Error);
        await using var check = NewContext();
        Assert.False(await check.SalesOrders.AnyAsync());
        Assert.False(await check.AuditEvents.AnyAsync());
        Assert.Empty(await sales.RequestedProductsAsync());
    }

    [Fact]
    public async Task Preview_marks_a_bad_quantity_on_its_line_and_still_promises_the_others()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        await using var db = NewContext();
        var shop = new SalesData(new TestData(db));
        var product = shop.Product(onHand: 10);

        var preview = await sales.Entry.PreviewAsync(Draft(shop, shop.Customer().Id, (1, product.Id, 0), (2, product.Id, 3), (3, 987_654, 1)));

        Assert.True(preview.HasProblems);
        Assert.Equal("Quantity must be at least 1; got 0.", preview.Line(1)!.Problem);
        Assert.Equal((3, Tuesday24), (preview.Line(2)!.ShipsNow, preview.Line(2)!.ShipDate));
        Assert.Equal("This product is unknown or no longer sold.", preview.Line(3)!.Problem);
    }

    [Fact]
    public async Task Lookups_find_customers_and_products_by_number_or_name()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        await using var db = NewContext();
        var shop = new SalesData(new TestData(db));
        var customer = shop.Data.Save(new Domain.Sales.Customer("ZZ900", "Harbor Hardware", null, 2, null));
        var product = shop.Product(onHand: 1, sku: "BOLT-M8-ZZ");

        Assert.Equal(customer.Id, Assert.Single(await sales.Entry.SearchCustomersAsync("zz9")).Id);
        Assert.Equal(customer.Id, Assert.Single(await sales.Entry.SearchCustomersAsync("harbor hard")).Id);
        Assert.Equal(product.Id, Assert.Single(await sales.Entry.SearchProductsAsync("bolt-m8")).Id);
        Assert.Empty(await sales.Entry.SearchProductsAsync("no such thing"));
    }

    private static OrderDraft Draft(SalesData shop, int? customerId, params (int Line, int ProductId, int Quantity)[] lines) =>
        new(customerId, shop.Warehouse.Id, ShipComplete: false, RequestedShipDate: null, CustomerReference: null,
            lines.Select(l => new DraftLine(l.Line, l.ProductId, l.Quantity)).ToList());
}
