using Portal.Data;
using Portal.Features.Sales.Backorders;
using Portal.Features.Sales.Common;
using Portal.Tests.Infrastructure;
using Portal.Tests.Infrastructure.Builders;
using Portal.Features.Common;

namespace Portal.Tests.Sales.Backorders;

public sealed class BackorderServiceTestsOnSqlite() : BackorderServiceTests(DatabaseProvider.Sqlite);

public sealed class BackorderServiceTestsOnPostgres() : BackorderServiceTests(DatabaseProvider.Postgres);

public sealed class BackorderServiceTestsOnSqlServer() : BackorderServiceTests(DatabaseProvider.SqlServer);

/// <summary>The backorders board and its export: every waiting line, filtered in the database.</summary>
public abstract class BackorderServiceTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private static readonly DateOnly Friday27 = new(2026, 11, 27);

    [Fact]
    public async Task Board_lists_waiting_lines_with_age_eta_value_and_covering_po_and_each_filter_narrows_it()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        await using var db = NewContext();
        var shop = new SalesData(new TestData(db));
        var covered = shop.Product(onHand: 0, price: 4m);
        var uncovered = shop.Product(onHand: 0, price: 10m);
        var inStock = shop.Product(onHand: 100);
        shop.PurchaseOrder(covered, 50, Friday27);
        var ann = shop.Customer(rep: "ann@portal.example");
        var bob = shop.Customer(rep: "bob@portal.example");
        var annOrder = shop.OrderPlaced(ann, TestData.Now.AddDays(-9), (covered, 5), (inStock, 3));
        var bobOrder = shop.OrderPlaced(bob, TestData.Now.AddDays(-2), (uncovered, 2));
        await sales.Allocation.RunAsync([covered.Id, uncovered.Id, inStock.Id]);

        async Task<(int, int)[]> Lines(BackorderFilter filter) =>
            (await sales.Backorders.ListAsync(filter, new PageRequest())).Rows.Select(r => (r.OrderId, r.LineNumber)).ToArray();

        var all = await sales.Backorders.ListAsync(new BackorderFilter(), new PageRequest());
        Assert.Equal(2, all.Total);
        var first = all.Rows[0];
        Assert.Equal((annOrder.Id, 1, 5, 9, 20m), (first.OrderId, first.LineNumber, first.Backordered, first.AgeDays, first.Value));
        Assert.Equal((new DateOnly(2026, 12, 1), first.PurchaseOrderId is not null), (first.Eta, true));
        Assert.Null(all.Rows[1].PurchaseOrderId);

        Assert.Equal([(bobOrder.Id, 1)], await Lines(new BackorderFilter(SalesRep: "bob@portal.example")));
        Assert.Equal([(annOrder.Id, 1)], await Lines(new BackorderFilter(CustomerId: ann.Id)));
        Assert.Equal([(bobOrder.Id, 1)], await Lines(new BackorderFilter(ProductId: uncovered.Id)));
        Assert.Equal([(bobOrder.Id, 1)], await Lines(new BackorderFilter(NoPurchaseOrder: true)));
        Assert.Equal([(annOrder.Id, 1)], await Lines(new BackorderFilter(EtaFrom: new DateOnly(2026, 12, 1), EtaTo: new DateOnly(2026, 12, 1))));
        Assert.Equal([(bobOrder.Id, 1)], await Lines(new BackorderFilter(EtaFrom: new DateOnly(2026, 12, 2))));
    }

    [Fact]
    public async Task A_line_behind_a_late_purchase_order_shows_today_plus_handling_and_sorts_and_filters_by_it()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        await using var db = NewContext();
        var shop = new SalesData(new TestData(db));
        var onTime = shop.Product(onHand: 0);
        var late = shop.Product(onHand: 0);
        var unknown = shop.Data.AddProduct(null, 10m, shop.Data.AddSupplier(defaultLeadTimeDays: null), leadTimeDays: null);
        shop.PurchaseOrder(onTime, 10, Friday27);
        shop.PurchaseOrder(late, 10, new DateOnly(2026, 11, 18)); // due last Wednesday
        var customer = shop.Customer();
        var waitingOnTime = shop.Order(customer, (onTime, 2));
        var waitingLate = shop.Order(customer, (late, 2));
        var waitingUnknown = shop.Order(customer, (unknown, 2));
        await sales.Allocation.RunAsync([onTime.Id, late.Id, unknown.Id]);
        sales.Clock.Advance(TimeSpan.FromDays(1));

        var byEta = (await sales.Backorders.ListAsync(new BackorderFilter(), new PageRequest(SortBy: BackorderSort.Eta))).Rows;

        // Tuesday 24th: the late goods count as arriving today, + 1 receiving + 1 pick day = Thursday 26th,
        // a day later than Monday's run said, without a run since. No date at all comes last.
        Assert.Equal([(waitingLate.Id, new DateOnly(2026, 11, 26)), (waitingOnTime.Id, new DateOnly(2026, 12, 1)), (waitingUnknown.Id, (DateOnly?)null)],
            byEta.Select(r => (r.OrderId, r.Eta)));
        Assert.True(byEta[0].EtaOverdue);
        Assert.Equal([waitingLate.Id], (await sales.Backorders.ListAsync(
            new BackorderFilter(EtaTo: new DateOnly(2026, 11, 26)), new PageRequest())).Rows.Select(r => r.OrderId));
    }

    [Fact]
    public async Task Board_sorts_by_value_and_a_cancelled_backorder_leaves_it()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        await using var db = NewContext();
        var shop = new SalesData(new TestData(db));
        var cheap = shop.Product(onHand: 0, price: 1m);
        var dear = shop.Product(onHand: 0, price: 100m);
        var customer = shop.Customer();
        var small = shop.Order(customer, (cheap, 10));
        var big = shop.Order(customer, (dear, 1));

        var byValue = await sales.Backorders.ListAsync(new BackorderFilter(), new PageRequest(SortBy: BackorderSort.Value, Descending: true));
        Assert.Equal([big.Id, small.Id], byValue.Rows.Select(r => r.OrderId));

        var version = (await sales.Detail.GetAsync(big.Id))!.Version;
        Assert.Null(await sales.Detail.CancelUnitsAsync(big.Id, version, 1, 1, "No longer needed", "sam@portal.example"));
        Assert.Equal([small.Id], (await sales.Backorders.ListAsync(new BackorderFilter(), new PageRequest())).Rows.Select(r => r.OrderId));
    }

    [Fact]
    public async Task Export_holds_exactly_the_filtered_rows_as_rfc4180_csv()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        await using var db = NewContext();
        var shop = new SalesData(new TestData(db));
        var product = shop.Product(onHand: 0, price: 2.5m, sku: "CSV-1");
        var quoted = shop.Data.Save(new Domain.Sales.Customer("QX1", "Oak, \"Iron\" & Sons", null, 3, "ann@portal.example"));
        var formula = shop.Data.Save(new Domain.Sales.Customer("QX2", "=HYPERLINK(\"x\")", null, 3, "bob@portal.example"));
        var annOrder = shop.Order(quoted, (product, 4));
        shop.Order(formula, (product, 1));

        var ann = await ExportAsync(sales, new BackorderFilter(SalesRep: "ann@portal.example"));
        var all = await ExportAsync(sales, new BackorderFilter());

        var lines = ann.Split("\r\n");
        Assert.Equal(3, lines.Length);
        Assert.Equal(string.Join(",", BackorderCsv.Header.Select(BackorderCsv.Quote)), lines[0]);
        Assert.StartsWith($"QX1,\"Oak, \"\"Iron\"\" & Sons\",{annOrder.Number},1,CSV-1,Widget,4,2026-11-23,0,", lines[1]);
        Assert.Contains(",10.00,", lines[1]);
        Assert.Equal("", lines[2]);
        Assert.Contains("QX2,\"'=HYPERLINK(\"\"x\"\")\"", all);
        Assert.Equal(4, all.Split("\r\n").Length);
    }

    private static async Task<string> ExportAsync(SalesHarness sales, BackorderFilter filter)
    {
        await using var writer = new StringWriter();
        await BackorderCsv.WriteAsync(writer, sales.Backorders.StreamAsync(filter, null, false));
        return writer.ToString();
    }
}
