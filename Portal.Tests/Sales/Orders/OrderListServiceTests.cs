using Portal.Data;
using Portal.Domain.Sales;
using Portal.Features.Sales.Common;
using Portal.Features.Sales.Orders;
using Portal.Tests.Infrastructure;
using Portal.Tests.Infrastructure.Builders;
using Portal.Features.Common;

namespace Portal.Tests.Sales.Orders;

public sealed class OrderListServiceTestsOnSqlite() : OrderListServiceTests(DatabaseProvider.Sqlite);

public sealed class OrderListServiceTestsOnPostgres() : OrderListServiceTests(DatabaseProvider.Postgres);

public sealed class OrderListServiceTestsOnSqlServer() : OrderListServiceTests(DatabaseProvider.SqlServer);

/// <summary>The orders list filters, sorts and pages in the database.</summary>
public abstract class OrderListServiceTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    [Fact]
    public async Task Each_filter_narrows_the_list_and_the_total()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        await using var db = NewContext();
        var shop = new SalesData(new TestData(db));
        var product = shop.Product(onHand: 0);
        var ann = shop.Customer(rep: "ann@portal.example");
        var bob = shop.Customer(rep: "bob@portal.example");
        var old = shop.OrderPlaced(ann, new DateTimeOffset(2026, 10, 1, 12, 0, 0, TimeSpan.Zero), (product, 2));
        var waiting = shop.OrderPlaced(ann, new DateTimeOffset(2026, 11, 20, 23, 30, 0, TimeSpan.Zero), (product, 3));
        var held = shop.OrderPlaced(bob, new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero), (product, 1));
        held.PutOnHold();
        old.Cancel(1, 2);
        db.SaveChanges();

        async Task<int[]> Ids(OrderFilter filter) =>
            (await sales.Orders.ListAsync(filter, new PageRequest())).Rows.Select(r => r.Id).Order().ToArray();

        Assert.Equal([waiting.Id, held.Id], await Ids(new OrderFilter()));
        Assert.Equal([old.Id, waiting.Id, held.Id], await Ids(new OrderFilter(OrderStatusFilter.All)));
        Assert.Equal([old.Id], await Ids(new OrderFilter(OrderStatusFilter.Cancelled)));
        Assert.Equal([held.Id], await Ids(new OrderFilter(OrderStatusFilter.OnHold)));
        Assert.Equal([old.Id, waiting.Id], await Ids(new OrderFilter(OrderStatusFilter.All, CustomerId: ann.Id)));
        Assert.Equal([held.Id], await Ids(new OrderFilter(OrderStatusFilter.All, SalesRep: "bob@portal.example")));
        Assert.Equal([waiting.Id, held.Id], await Ids(new OrderFilter(OrderStatusFilter.All, BackorderedOnly: true)));
        // Both ends are whole days: the 20th includes 23:30 that evening.
        Assert.Equal([waiting.Id], await Ids(new OrderFilter(OrderStatusFilter.All, PlacedFrom: new DateOnly(2026, 11, 20), PlacedTo: new DateOnly(2026, 11, 20))));
        Assert.Equal([held.Id], await Ids(new OrderFilter(OrderStatusFilter.All, PlacedFrom: new DateOnly(2026, 11, 21))));
        Assert.Equal(1, (await sales.Orders.ListAsync(new OrderFilter(OrderStatusFilter.All, SalesRep: "bob@portal.example"), new PageRequest())).Total);
    }

    [Fact]
    public async Task Pages_are_sorted_newest_first_by_default_and_carry_each_orders_figures()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        await using var db = NewContext();
        var shop = new SalesData(new TestData(db));
        var product = shop.Product(onHand: 2, price: 2.5m);
        var customer = shop.Customer();
        var orders = Enumerable.Range(0, 7).Select(i => shop.OrderPlaced(customer, TestData.Now.AddHours(-10 + i), (product, 4), (product, 1))).ToList();
        await sales.Allocation.RunAsync([product.Id]);

        var first = await sales.Orders.ListAsync(new OrderFilter(), new PageRequest(0, 3));
        var third = await sales.Orders.ListAsync(new OrderFilter(), new PageRequest(6, 3));
        var byNumber = await sales.Orders.ListAsync(new OrderFilter(), new PageRequest(0, 3, OrderSort.Number));

        Assert.Equal(7, first.Total);
        Assert.Equal(orders.AsEnumerable().Reverse().Take(3).Select(o => o.Id), first.Rows.Select(r => r.Id));
        var oldest = Assert.Single(third.Rows);
        Assert.Equal(orders[0].Id, oldest.Id);
        // The oldest order took the only 2 units: 3 of its 5 wait, and its value is 5 × 2.50.
        Assert.Equal((2, 3, 12.5m, OrderStatus.Open), (oldest.Lines, oldest.BackorderedUnits, oldest.Value, oldest.Status));
        Assert.NotNull(oldest.LatestEta);
        Assert.Equal(orders.Take(3).Select(o => o.Id), byNumber.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task The_last_eta_of_an_order_is_its_latest_waiting_date_or_the_in_stock_date_when_nothing_waits()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        await using var db = NewContext();
        var shop = new SalesData(new TestData(db));
        var inStock = shop.Product(onHand: 10);
        var onOrder = shop.Product(onHand: 0);
        shop.PurchaseOrder(onOrder, 10, new DateOnly(2026, 12, 4));
        var allInStock = shop.Order(shop.Customer(), (inStock, 2));
        var partlyWaiting = shop.Order(shop.Customer(), (inStock, 2), (onOrder, 3));
        var noDateKnown = shop.Data.AddProduct(null, 10m, shop.Data.AddSupplier(defaultLeadTimeDays: null), leadTimeDays: null);
        shop.Data.AddStock(noDateKnown, shop.Warehouse, 4);
        var partlyUnknown = shop.Order(shop.Customer(), (noDateKnown, 10));
        await sales.Allocation.RunAsync([inStock.Id, onOrder.Id, noDateKnown.Id]);

        var rows = (await sales.Orders.ListAsync(new OrderFilter(), new PageRequest())).Rows.ToDictionary(r => r.Id);

        // Today is Monday 23rd: in stock ships Tuesday 24th; the PO due Friday 4 December + 1 receiving + 1 pick day.
        Assert.Equal(new DateOnly(2026, 11, 24), rows[allInStock.Id].LatestEta);
        Assert.Equal(new DateOnly(2026, 12, 8), rows[partlyWaiting.Id].LatestEta);
        Assert.Null(rows[partlyUnknown.Id].LatestEta); // 4 ship now, but nobody knows when the other 6 come
    }
}
