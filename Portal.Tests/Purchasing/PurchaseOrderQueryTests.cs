using Portal.Data;
using Portal.Domain.Purchasing;
using Portal.Features.Common;
using Portal.Features.Purchasing.PurchaseOrders;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Purchasing.PurchasingScenario;

namespace Portal.Tests.Purchasing;

public sealed class PurchaseOrderQueryTestsOnSqlite() : PurchaseOrderQueryTests(DatabaseProvider.Sqlite);

public sealed class PurchaseOrderQueryTestsOnPostgres() : PurchaseOrderQueryTests(DatabaseProvider.Postgres);

public sealed class PurchaseOrderQueryTestsOnSqlServer() : PurchaseOrderQueryTests(DatabaseProvider.SqlServer);

/// <summary>Finding purchase orders: open ones to work on, done ones still found by status; one order's page in full.</summary>
public abstract class PurchaseOrderQueryTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const string Buyer = "buyer@portal.example";

    /// <summary>Three orders for VALVE-1: OPEN (10 due 27 November), DONE (10 received) and DROPPED (cancelled).</summary>
    private async Task<(int Open, int Done, int Dropped, int Valve)> SeedAsync()
    {
        await using var db = NewContext();
        var s = new PurchasingScenario(db);
        var (main, acme) = (s.Data.AddWarehouse("MAIN"), s.Data.AddSupplier("Acme"));
        var valve = s.Product("VALVE-1", "Ball valve", 20m, acme);
        var open = s.Po(acme, main, valve, 10, Day(11, 27), unitCost: 12m);
        var done = s.Po(acme, main, valve, 10, Day(11, 10), received: 10, unitCost: 11m);
        var dropped = s.CancelledPo(acme, main, valve, 10, Day(12, 15), unitCost: 10m);
        return (open.Id, done.Id, dropped.Id, valve.Id);
    }

    [Theory]
    [InlineData(PoStatusFilter.Open, "open")]
    [InlineData(PoStatusFilter.Received, "done")]
    [InlineData(PoStatusFilter.Cancelled, "dropped")]
    [InlineData(PoStatusFilter.All, "dropped,done,open")] // newest order first
    public async Task The_list_filters_by_status_on_the_server(PoStatusFilter status, string expected)
    {
        var w = await SeedAsync();
        var names = new Dictionary<int, string> { [w.Open] = "open", [w.Done] = "done", [w.Dropped] = "dropped" };

        var page = await new PurchasingServices(Db).Queries.LinesAsync(null, status, new PageRequest());

        Assert.Equal(expected, string.Join(",", page.Rows.Select(r => names[r.PurchaseOrderId])));
        Assert.Equal(expected.Split(',').Length, page.Total);
    }

    [Fact]
    public async Task A_received_order_is_found_by_its_number()
    {
        var w = await SeedAsync();

        var page = await new PurchasingServices(Db).Queries.LinesAsync(PurchaseOrder.Format(w.Done).ToLowerInvariant(), PoStatusFilter.Received, new PageRequest());

        var row = Assert.Single(page.Rows);
        Assert.Equal((w.Done, PurchaseOrderStatus.Received, 10, 0, false), (row.PurchaseOrderId, row.Status, row.Received, row.Open, row.CanChange));
    }

    [Fact]
    public async Task The_order_page_has_every_line_with_its_figures_and_the_history_newest_first()
    {
        var w = await SeedAsync();
        var services = new PurchasingServices(Db);
        int version;
        await using (var db = NewContext())
        {
            version = db.PurchaseOrders.Single(o => o.Id == w.Open).Version;
        }

        Assert.Null(await services.PurchaseOrders.ChangeQuantityAsync(w.Open, 1, 12, version, Buyer));
        services.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Null(await services.PurchaseOrders.ChangeExpectedDateAsync(w.Open, 1, Day(12, 1), version + 1, "colleague@portal.example"));

        var detail = await services.Queries.DetailAsync(w.Open);

        Assert.NotNull(detail);
        Assert.Equal((PurchaseOrderStatus.Open, "Acme", "MAIN", version + 2), (detail.Status, detail.Supplier, detail.Warehouse.Split(' ')[0], detail.Version));
        var line = Assert.Single(detail.Lines);
        Assert.Equal(("VALVE-1", 12, 0, 0, 12, Day(12, 1), 12m, 144m), (line.Sku, line.Ordered, line.Received, line.Cancelled, line.Open, line.ExpectedDate, line.UnitCost, line.Total));
        Assert.Equal(["Expected date changed", "Quantity changed"], detail.History.Select(h => h.Action));
        Assert.Equal("colleague@portal.example", detail.History[0].User);
    }

    [Fact]
    public async Task There_is_no_page_for_an_order_that_does_not_exist() =>
        Assert.Null(await new PurchasingServices(Db).Queries.DetailAsync(404));

    [Fact]
    public async Task Product_search_offers_each_products_last_cost_and_none_for_a_product_never_bought()
    {
        var w = await SeedAsync();
        await using (var db = NewContext())
        {
            new PurchasingScenario(db).Product("VALVE-2", "Gate valve", 30m, null);
        }

        var picks = await new PurchasingServices(Db).Queries.SearchProductsAsync("valve", null);

        // The cancelled order was written last, so its 10.00 is the last cost even though nothing arrived on it.
        Assert.Equal([("VALVE-1", (decimal?)10m), ("VALVE-2", null)], picks.OrderBy(p => p.Sku).Select(p => (p.Sku, p.LastCost)));
    }
}
