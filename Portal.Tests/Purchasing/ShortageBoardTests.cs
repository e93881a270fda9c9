using Portal.Data;
using Portal.Domain.Allocation;
using Portal.Features.Common;
using Portal.Features.Purchasing.Shortages;
using Portal.Tests.Common;
using Portal.Tests.Infrastructure;
using Portal.Tests.Infrastructure.Builders;
using static Portal.Tests.Purchasing.PurchasingScenario;

namespace Portal.Tests.Purchasing;

public sealed class ShortageBoardTestsOnSqlite() : ShortageBoardTests(DatabaseProvider.Sqlite);

public sealed class ShortageBoardTestsOnPostgres() : ShortageBoardTests(DatabaseProvider.Postgres);

public sealed class ShortageBoardTestsOnSqlServer() : ShortageBoardTests(DatabaseProvider.SqlServer);

/// <summary>The shortage board's figures, worked out by hand, and its filters, sorting and paging, all in SQL.</summary>
public abstract class ShortageBoardTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private ShortageBoardQueries Board => new(new TestDbContextFactory(Db), new ManualClock(TestData.Now));

    /// <summary>
    /// HINGE (price 10, Acme, pack 5): 10 on hand, 6 reserved, so 4 available. Waiting: 2 (of 8, requested 30 Nov,
    /// placed 13 Nov), 5 at price 12 (no request date, placed 20 Nov) and 3 (requested 25 Nov), two customers.
    /// On order: 3 due 4 Dec and 3 still open of 5 due 1 Dec; a cancelled PO of 10 does not count.
    /// VALVE (price 2.50, Bolt): no stock row, 7 waiting since 14 Oct, nothing on order.
    /// CLAMP: short in two warehouses. MAIN: 4 waiting, nothing else. EAST: 6 waiting, 1 available, 2 on order.
    /// SCREW: everything reserved, nobody waits: not on the board.
    /// </summary>
    private async Task<World> SeedAsync()
    {
        await using var db = NewContext();
        var s = new PurchasingScenario(db);
        var (main, east) = (s.Data.AddWarehouse("MAIN"), s.Data.AddWarehouse("EAST"));
        var (acme, bolt) = (s.Data.AddSupplier("Acme Supply", 10), s.Data.AddSupplier("Bolt Brothers", 5));
        var (ann, bob, cy) = (s.Data.AddCustomer("ANN"), s.Data.AddCustomer("BOB"), s.Data.AddCustomer("CY"));

        var hinge = s.Product("HINGE-1", "Brass hinge", 10m, acme, packSize: 5);
        s.Stock(hinge, main, onHand: 10, allocated: 6);
        s.Line(ann, main, hinge, 8, allocated: 6, placedAt: DaysAgo(10), requested: Day(11, 30));
        s.Line(bob, main, hinge, 5, price: 12m, placedAt: DaysAgo(3));
        s.Line(ann, main, hinge, 3, placedAt: DaysAgo(1), requested: Day(11, 25));
        s.Po(acme, main, hinge, 3, Day(12, 4));
        s.Po(acme, main, hinge, 5, Day(12, 1), received: 2);
        s.CancelledPo(acme, main, hinge, 10, Day(11, 26));

        var valve = s.Product("VALVE-7", "Ball valve", 2.5m, bolt);
        s.Line(cy, main, valve, 7, placedAt: DaysAgo(40));

        var clamp = s.Product("CLAMP-3", "Pipe clamp", 4m, bolt);
        s.Line(bob, main, clamp, 4);
        s.Stock(clamp, east, onHand: 1);
        s.Line(cy, east, clamp, 6);
        s.Po(bolt, east, clamp, 2, Day(12, 10));

        var screw = s.Product("SCREW-9", "Wood screw", 1m, acme);
        s.Stock(screw, main, onHand: 5, allocated: 2);
        s.Line(ann, main, screw, 2, allocated: 2);

        // Seeded rows, not run: the figures are filled from them as the migration fills an existing database.
        await ShortageAggregate.RebuildAsync(db);
        return new World(hinge.Id, valve.Id, clamp.Id, acme.Id, bolt.Id);
    }

    private sealed record World(int Hinge, int Valve, int Clamp, int Acme, int Bolt);

    [Fact]
    public async Task Board_adds_up_each_short_product_per_warehouse_as_worked_out_by_hand()
    {
        var w = await SeedAsync();

        var page = await Board.ListAsync(new ShortageFilter(), new PageRequest(0, 50, ShortageSort.Sku));

        Assert.Equal(4, page.Total);
        Assert.Equal(2, await Board.WarehouseCountAsync());
        Assert.Equal(["CLAMP-3/EAST", "CLAMP-3/MAIN", "HINGE-1/MAIN", "VALVE-7/MAIN"], page.Rows.Select(r => $"{r.Sku}/{r.Warehouse}"));
        var hinge = page.Rows.Single(r => r.ProductId == w.Hinge);
        Assert.Equal(
            (Backordered: 10, Available: 4, OnOrder: 6, Uncovered: 0, Customers: 2, ValueAtRisk: 110m, NeedDate: Day(11, 20), NextPoDate: (DateOnly?)Day(12, 1)),
            (hinge.Backordered, hinge.Available, hinge.OnOrder, hinge.Uncovered, hinge.Customers, hinge.ValueAtRisk, hinge.NeedDate, hinge.NextPoDate));
        Assert.Equal(("Brass hinge", "Acme Supply", 5, (int?)10), (hinge.Product, hinge.Supplier, hinge.PackSize, hinge.LeadTimeDays));

        var valve = page.Rows.Single(r => r.ProductId == w.Valve);
        Assert.Equal((7, 0, 0, 7, 1, 17.5m, Day(10, 14), (DateOnly?)null),
            (valve.Backordered, valve.Available, valve.OnOrder, valve.Uncovered, valve.Customers, valve.ValueAtRisk, valve.NeedDate, valve.NextPoDate));

        var (clampEast, clampMain) = (page.Rows[0], page.Rows[1]);
        Assert.Equal((6, 1, 2, 3, 24m, (DateOnly?)Day(12, 10)),
            (clampEast.Backordered, clampEast.Available, clampEast.OnOrder, clampEast.Uncovered, clampEast.ValueAtRisk, clampEast.NextPoDate));
        Assert.Equal((4, 0, 0, 4, 16m, (DateOnly?)null),
            (clampMain.Backordered, clampMain.Available, clampMain.OnOrder, clampMain.Uncovered, clampMain.ValueAtRisk, clampMain.NextPoDate));
    }

    [Theory]
    [InlineData("hinge", new[] { "HINGE-1" })]
    [InlineData("alve-", new[] { "VALVE-7" })]
    [InlineData("PIPE", new[] { "CLAMP-3", "CLAMP-3" })]
    [InlineData("nothing like it", new string[0])]
    public async Task Search_finds_sku_or_name_fragments_in_any_case(string search, string[] skus)
    {
        await SeedAsync();

        var page = await Board.ListAsync(new ShortageFilter(Search: search), new PageRequest(0, 50, ShortageSort.Sku));

        Assert.Equal(skus, page.Rows.Select(r => r.Sku));
        Assert.Equal(skus.Length, page.Total);
    }

    [Fact]
    public async Task Supplier_and_uncovered_only_filters_narrow_the_board()
    {
        var w = await SeedAsync();

        var bolt = await Board.ListAsync(new ShortageFilter(SupplierId: w.Bolt), new PageRequest(0, 50, ShortageSort.Sku));
        var uncovered = await Board.ListAsync(new ShortageFilter(UncoveredOnly: true), new PageRequest(0, 50, ShortageSort.Sku));
        var acmeUncovered = await Board.ListAsync(new ShortageFilter(SupplierId: w.Acme, UncoveredOnly: true), new PageRequest());

        Assert.Equal(["CLAMP-3", "CLAMP-3", "VALVE-7"], bolt.Rows.Select(r => r.Sku));
        // HINGE is short but stock and purchase orders already cover it.
        Assert.Equal(["CLAMP-3", "CLAMP-3", "VALVE-7"], uncovered.Rows.Select(r => r.Sku));
        Assert.Empty(acmeUncovered.Rows);
        Assert.Equal(0, acmeUncovered.Total);
    }

    [Fact]
    public async Task Default_order_is_biggest_uncovered_first_and_pages_do_not_overlap()
    {
        await SeedAsync();

        var first = await Board.ListAsync(new ShortageFilter(), new PageRequest(0, 2));
        var second = await Board.ListAsync(new ShortageFilter(), new PageRequest(2, 2));

        Assert.Equal(4, first.Total);
        // Uncovered 7, 4, 3, 0.
        Assert.Equal(["VALVE-7/MAIN", "CLAMP-3/MAIN"], first.Rows.Select(r => $"{r.Sku}/{r.Warehouse}"));
        Assert.Equal(["CLAMP-3/EAST", "HINGE-1/MAIN"], second.Rows.Select(r => $"{r.Sku}/{r.Warehouse}"));
    }

    [Theory]
    [InlineData(ShortageSort.ValueAtRisk, true, "HINGE-1/MAIN,CLAMP-3/EAST,VALVE-7/MAIN,CLAMP-3/MAIN")]
    [InlineData(ShortageSort.NeedDate, false, "VALVE-7/MAIN,HINGE-1/MAIN,CLAMP-3/EAST,CLAMP-3/MAIN")]
    [InlineData(ShortageSort.NextPoDate, false, "HINGE-1/MAIN,CLAMP-3/EAST,CLAMP-3/MAIN,VALVE-7/MAIN")]
    [InlineData(ShortageSort.Backordered, true, "HINGE-1/MAIN,VALVE-7/MAIN,CLAMP-3/EAST,CLAMP-3/MAIN")]
    [InlineData(ShortageSort.Customers, true, "HINGE-1/MAIN,CLAMP-3/EAST,CLAMP-3/MAIN,VALVE-7/MAIN")]
    [InlineData(ShortageSort.Supplier, false, "HINGE-1/MAIN,CLAMP-3/EAST,CLAMP-3/MAIN,VALVE-7/MAIN")]
    public async Task Sorts_in_sql_by_the_chosen_column(string column, bool descending, string expected)
    {
        await SeedAsync();

        var page = await Board.ListAsync(new ShortageFilter(), new PageRequest(0, 50, column, descending));

        Assert.Equal(expected, string.Join(",", page.Rows.Select(r => $"{r.Sku}/{r.Warehouse}")));
    }

    [Fact]
    public async Task Drill_in_lists_who_waits_in_priority_order_with_age_and_what_is_on_order()
    {
        var w = await SeedAsync();

        var detail = await Board.DetailAsync(w.Hinge);
        var (waiting, total) = await Board.WaitingLinesAsync(w.Hinge, new PageRequest(0, 10));

        Assert.NotNull(detail);
        Assert.Equal(("HINGE-1", "Acme Supply", 5), (detail.Product.Sku, detail.Product.Supplier, detail.Product.PackSize));
        Assert.Equal(10, Assert.Single(detail.Pools).Backordered);
        Assert.Equal([(3, Day(12, 1)), (3, Day(12, 4))], detail.Incoming.Select(i => (i.Open, i.ExpectedDate)));

        // Same tier: the earliest requested date first, then the line with no requested date.
        Assert.Equal(3, total);
        Assert.Equal([("ANN", 3, 1), ("ANN", 2, 10), ("BOB", 5, 3)],
            waiting.Select(l => (l.CustomerCode, l.Backordered, l.AgeDays(TestData.Today))));
        Assert.Equal(EtaBasis.None, waiting[0].EtaBasis);
    }

    [Fact]
    public async Task Drill_in_of_an_unknown_product_is_null()
    {
        Assert.Null(await Board.DetailAsync(987_654));
    }
}
