using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Sales;
using Portal.Tests.Infrastructure;
using Portal.Tests.Infrastructure.Builders;

namespace Portal.Tests.Data;

/// <summary>
/// Lists and boards sort, filter and add up in SQL. SQLite has no decimal or timestamp type of its own: the value
/// converters in PortalDbContext.ConfigureConventions store money as REAL and timestamps as UTC text, and these tests
/// prove the SQL gives the same answers as on PostgreSQL.
/// </summary>
public abstract class QueryTranslationTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private static readonly TimeSpan Tokyo = TimeSpan.FromHours(9);
    private static readonly TimeSpan Berlin = TimeSpan.FromHours(2);
    private static readonly TimeSpan NewYork = TimeSpan.FromHours(-5);

    [Fact]
    public void Money_sums_exactly_in_sql()
    {
        Seed(data =>
        {
            data.AddProduct(unitPrice: 0.1m);
            data.AddProduct(unitPrice: 0.2m);
        });

        using var context = NewContext();
        Assert.Equal(0.3m, context.Products.Sum(p => p.UnitPrice));
        Assert.Equal(0.2m, context.Products.Max(p => p.UnitPrice));
    }

    [Fact]
    public void Many_small_amounts_sum_to_the_exact_total_in_sql()
    {
        Seed(data =>
        {
            for (var i = 0; i < 1000; i++)
            {
                data.Context.Products.Add(new Domain.Catalog.Product($"PENNY-{i}", "Penny item", 0.01m, null, null));
            }

            data.Context.SaveChanges();
        });

        using var context = NewContext();
        Assert.Equal(10.00m, context.Products.Sum(p => p.UnitPrice));
    }

    [Fact]
    public void Value_at_risk_is_backordered_units_times_unit_price_summed_in_sql()
    {
        Seed(data =>
        {
            var (customer, warehouse) = (data.AddCustomer(), data.AddWarehouse());
            var (dime, twenty) = (data.AddProduct(unitPrice: 0.1m), data.AddProduct(unitPrice: 0.2m));
            var order = data.AddSalesOrder(customer, warehouse, lines: [(dime, 3), (twenty, 4), (dime, 2)]);
            order.Lines[1].Allocate(3); // 1 of 4 still waits
            data.Context.SaveChanges();
        });

        using var context = NewContext();
        Assert.Equal(0.7m, context.SalesOrderLines.Sum(l => l.Backordered * l.UnitPrice));
        var byProduct = context.SalesOrderLines
            .GroupBy(l => l.UnitPrice)
            .Select(g => new { Price = g.Key, Value = g.Sum(l => l.Backordered * l.UnitPrice) })
            .OrderByDescending(g => g.Value)
            .ToList();
        Assert.Equal([(0.1m, 0.5m), (0.2m, 0.2m)], byProduct.Select(g => (g.Price, g.Value)));
    }

    [Fact]
    public void Money_sorts_and_filters_by_amount_in_sql()
    {
        Seed(data =>
        {
            foreach (var price in new[] { 10m, 9.99m, 100m, 0.5m, 10.0001m })
            {
                data.AddProduct(unitPrice: price);
            }
        });

        using var context = NewContext();
        Assert.Equal([100m, 10.0001m, 10m, 9.99m, 0.5m], context.Products.OrderByDescending(p => p.UnitPrice).Select(p => p.UnitPrice).ToList());
        var threshold = 9.995m;
        Assert.Equal([10m, 10.0001m, 100m], context.Products.Where(p => p.UnitPrice > threshold).OrderBy(p => p.UnitPrice).Select(p => p.UnitPrice).ToList());
    }

    [Fact]
    public void Orders_sort_by_the_instant_they_were_placed_whatever_offset_they_were_given_in()
    {
        // In local clock text these would sort Tokyo, New York, UTC, Berlin; in time they sort Tokyo, Berlin, New York, UTC.
        SeedOrdersPlacedAt(
            ("BERLIN", new DateTimeOffset(2026, 11, 23, 10, 0, 0, Berlin)),      // 08:00Z
            ("UTC", new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)),   // 09:00Z
            ("NEWYORK", new DateTimeOffset(2026, 11, 23, 3, 30, 0, NewYork)),    // 08:30Z
            ("TOKYO", new DateTimeOffset(2026, 11, 23, 0, 30, 0, Tokyo)));       // 22 Nov 15:30Z

        using var context = NewContext();
        Assert.Equal(["TOKYO", "BERLIN", "NEWYORK", "UTC"], context.SalesOrders.OrderBy(o => o.PlacedAt).Select(o => o.Customer.Code).ToList());
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), context.SalesOrders.Max(o => o.PlacedAt));
    }

    [Fact]
    public void Filtering_by_a_time_window_compares_instants_whatever_offset_the_bounds_are_given_in()
    {
        SeedOrdersPlacedAt(
            ("BEFORE", new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero)),
            ("INSIDE1", new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero)),
            ("INSIDE2", new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)),
            ("AFTER", new DateTimeOffset(2026, 11, 23, 9, 45, 0, TimeSpan.Zero)));

        var from = new DateTimeOffset(2026, 11, 23, 17, 15, 0, Tokyo); // 08:15Z
        var to = new DateTimeOffset(2026, 11, 23, 18, 45, 0, Tokyo);   // 09:45Z, excluded
        using var context = NewContext();
        var inside = context.SalesOrders.Where(o => o.PlacedAt >= from && o.PlacedAt < to).OrderBy(o => o.PlacedAt).Select(o => o.Customer.Code).ToList();
        Assert.Equal(["INSIDE1", "INSIDE2"], inside);
    }

    [Fact]
    public void Filtering_by_a_utc_time_window_finds_the_orders_inside_it()
    {
        SeedOrdersPlacedAt(
            ("OLD", TestData.Now.AddDays(-40)),
            ("MONTH", TestData.Now.AddDays(-20)),
            ("WEEK", TestData.Now.AddDays(-3)));

        using var context = NewContext();
        var cutoff = TestData.Now.AddDays(-30);
        Assert.Equal(["MONTH", "WEEK"], context.SalesOrders.Where(o => o.PlacedAt > cutoff).OrderBy(o => o.PlacedAt).Select(o => o.Customer.Code).ToList());
    }

    [Fact]
    public void Timestamps_read_back_in_utc()
    {
        SeedOrdersPlacedAt(("UTC", TestData.Now));

        using var context = NewContext();
        var placedAt = context.SalesOrders.Single().PlacedAt;
        Assert.Equal(TestData.Now, placedAt);
        Assert.Equal(TimeSpan.Zero, placedAt.Offset);
    }

    [Fact]
    public void Timestamps_keep_at_least_microsecond_precision()
    {
        // PostgreSQL stores microseconds and drops the 100 ns ticks below them; SQLite keeps the ticks. Compare
        // times read back from the database to within a microsecond, not to the tick.
        var written = TestData.Now.AddTicks(1_234_567);
        SeedOrdersPlacedAt(("PRECISE", written));

        using var context = NewContext();
        var read = context.SalesOrders.Single().PlacedAt;
        Assert.InRange((written - read).Ticks, 0, TimeSpan.TicksPerMicrosecond - 1);
        Assert.Equal(written.AddTicks(-(written.Ticks % TimeSpan.TicksPerMicrosecond)), read.AddTicks(-(read.Ticks % TimeSpan.TicksPerMicrosecond)));
    }

    [Fact]
    public void Requested_ship_dates_sort_earliest_first_with_none_last()
    {
        // SQLite puts NULL first in ascending order and PostgreSQL last: allocation priority must say where "none" goes.
        Seed(data =>
        {
            var warehouse = data.AddWarehouse();
            data.AddSalesOrder(data.AddCustomer("NONE"), warehouse, requestedShipDate: null);
            data.AddSalesOrder(data.AddCustomer("DEC"), warehouse, requestedShipDate: new DateOnly(2026, 12, 1));
            data.AddSalesOrder(data.AddCustomer("NOV"), warehouse, requestedShipDate: new DateOnly(2026, 11, 30));
            data.AddSalesOrder(data.AddCustomer("JAN"), warehouse, requestedShipDate: new DateOnly(2027, 1, 4));
        });

        using var context = NewContext();
        var ordered = context.SalesOrders
            .OrderBy(o => o.RequestedShipDate == null)
            .ThenBy(o => o.RequestedShipDate)
            .Select(o => o.Customer.Code)
            .ToList();
        Assert.Equal(["NOV", "DEC", "JAN", "NONE"], ordered);

        var byEndOfYear = new DateOnly(2026, 12, 31);
        Assert.Equal(2, context.SalesOrders.Count(o => o.RequestedShipDate <= byEndOfYear));
    }

    private void Seed(Action<TestData> build)
    {
        using var context = NewContext();
        build(new TestData(context));
    }

    private void SeedOrdersPlacedAt(params (string CustomerCode, DateTimeOffset PlacedAt)[] orders) =>
        Seed(data =>
        {
            var warehouse = data.AddWarehouse();
            foreach (var (code, placedAt) in orders)
            {
                data.AddSalesOrder(data.AddCustomer(code), warehouse, placedAt);
            }
        });
}

public sealed class QueryTranslationTestsOnSqlite() : QueryTranslationTests(DatabaseProvider.Sqlite);

public sealed class QueryTranslationTestsOnPostgres() : QueryTranslationTests(DatabaseProvider.Postgres);

public sealed class QueryTranslationTestsOnSqlServer() : QueryTranslationTests(DatabaseProvider.SqlServer);
