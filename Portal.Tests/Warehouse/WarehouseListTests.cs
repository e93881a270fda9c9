using Portal.Data;
using Portal.Domain.Purchasing;
using Portal.Features.Common;
using Portal.Features.Warehouse.Receiving;
using Portal.Tests.Common;
using Portal.Tests.Infrastructure;
using Portal.Tests.Infrastructure.Builders;
using Portal.Tests.Notifications;

namespace Portal.Tests.Warehouse;

public sealed class WarehouseListTestsOnSqlite() : WarehouseListTests(DatabaseProvider.Sqlite);

public sealed class WarehouseListTestsOnPostgres() : WarehouseListTests(DatabaseProvider.Postgres);

public sealed class WarehouseListTestsOnSqlServer() : WarehouseListTests(DatabaseProvider.SqlServer);

/// <summary>Lines to receive: every row reachable a page at a time, searched and sorted on the server.</summary>
public abstract class WarehouseListTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private readonly ManualClock clock = new(TestData.Now);

    private PortalInstance Portal() => new(Db, clock, new Dictionary<string, string?>());

    [Fact]
    public async Task Receiving_lists_every_open_line_a_page_at_a_time_earliest_expected_first_and_searches_by_purchase_order()
    {
        int target;
        await using (var db = NewContext())
        {
            var data = new TestData(db);
            var (warehouse, supplier) = (data.AddWarehouse(), data.AddSupplier());
            var products = Enumerable.Range(0, 3).Select(i => data.AddProduct(sku: $"RCV-{i}")).ToList();
            for (var i = 0; i < 40; i++)
            {
                data.AddPurchaseOrder(supplier, warehouse, products.Select((p, n) => (p, 5, TestData.Today.AddDays((i * 7 + n) % 40))));
            }

            target = data.AddPurchaseOrder(supplier, warehouse, [(products[0], 2, TestData.Today.AddDays(90))]).Id;
        }

        await using var portal = Portal();
        var receiving = portal.Scoped<ReceivingService>();
        var all = new List<OpenPoLine>();
        for (var skip = 0; skip < 121; skip += 50)
        {
            all.AddRange((await receiving.OpenLinesAsync(null, new PageRequest(skip, 50))).Rows);
        }

        Assert.Equal(121, all.Select(l => (l.PurchaseOrderId, l.LineNumber)).Distinct().Count());
        Assert.Equal(all.OrderBy(l => l.ExpectedDate).ThenBy(l => l.PurchaseOrderId).ThenBy(l => l.LineNumber), all);
        Assert.Equal(target, all[^1].PurchaseOrderId);

        var found = await receiving.OpenLinesAsync($"po-{target}", new PageRequest());
        Assert.Equal((1, PurchaseOrder.Format(target), 2), (found.Total, Assert.Single(found.Rows).PurchaseOrderNumber, found.Rows[0].Open));
    }
}
