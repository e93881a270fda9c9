using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Purchasing;
using Portal.Features.Allocation;
using Portal.Features.Common;
using Portal.Features.Warehouse.Adjustments;
using Portal.Features.Warehouse.Receiving;
using Portal.Tests.Common;
using Portal.Tests.Infrastructure;
using Portal.Tests.Infrastructure.Builders;
using Portal.Tests.Notifications;

namespace Portal.Tests.Warehouse;

public sealed class WarehouseListTestsOnSqlite() : WarehouseListTests(DatabaseProvider.Sqlite);

public sealed class WarehouseListTestsOnPostgres() : WarehouseListTests(DatabaseProvider.Postgres);

public sealed class WarehouseListTestsOnSqlServer() : WarehouseListTests(DatabaseProvider.SqlServer);

/// <summary>Stock to adjust and lines to receive: every row reachable a page at a time, searched and sorted on the server.</summary>
public abstract class WarehouseListTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private readonly ManualClock clock = new(TestData.Now);

    private PortalInstance Portal() => new(Db, clock, new Dictionary<string, string?>());

    [Fact]
    public async Task Stock_adjustments_list_every_product_with_its_figures_a_page_at_a_time()
    {
        int reservedId;
        await using (var db = NewContext())
        {
            var shop = new PickListShop(db);
            for (var i = 0; i < 60; i++)
            {
                shop.Product(onHand: i, sku: $"ADJ-{i:D3}");
            }

            var reserved = shop.Product(onHand: 9, sku: "ADJ-RESERVED");
            shop.Order(shop.Customer(), 10, [(reserved, 4)]);
            reservedId = reserved.Id;
        }

        await using var portal = Portal();
        await portal.Scoped<AllocationService>().RunProductAsync(reservedId);
        var adjustments = portal.Scoped<StockAdjustmentService>();

        var pages = new List<StockRow>();
        for (var skip = 0; skip < 61; skip += 25)
        {
            pages.AddRange((await adjustments.ListAsync(null, new PageRequest(skip, 25))).Rows);
        }

        Assert.Equal(61, pages.Select(r => r.Sku).Distinct().Count());
        Assert.Equal(pages.Select(r => r.Sku).Order(StringComparer.Ordinal), pages.Select(r => r.Sku));
        Assert.Equal((9, 4, 5), pages.Single(r => r.Sku == "ADJ-RESERVED") is var r ? (r.OnHand, r.Allocated, r.Available) : default);
        Assert.Equal(61, (await adjustments.ListAsync(null, new PageRequest())).Total);

        var searched = await adjustments.ListAsync("adj-05", new PageRequest(SortBy: nameof(StockRow.OnHand), Descending: true));
        Assert.Equal(["ADJ-059", "ADJ-058", "ADJ-057", "ADJ-056", "ADJ-055", "ADJ-054", "ADJ-053", "ADJ-052", "ADJ-051", "ADJ-050"],
            searched.Rows.Select(r => r.Sku));
        Assert.Equal((9, 4, 5), await adjustments.GetAsync(reservedId, searched.Rows[0].WarehouseId) is { } current
            ? (current.OnHand, current.Allocated, current.Available) : default);
    }

    [Fact]
    public async Task A_product_never_stocked_in_a_warehouse_is_listed_at_zero_and_can_be_counted_up()
    {
        int productId, warehouseId;
        await using (var db = NewContext())
        {
            var data = new TestData(db);
            warehouseId = data.AddWarehouse().Id;
            productId = data.AddProduct(sku: "NEVER-STOCKED").Id;
        }

        await using var portal = Portal();
        var adjustments = portal.Scoped<StockAdjustmentService>();
        var listed = Assert.Single((await adjustments.ListAsync("never", new PageRequest())).Rows);
        Assert.Equal((productId, warehouseId, 0, 0), (listed.ProductId, listed.WarehouseId, listed.OnHand, listed.Allocated));

        Assert.Equal("Cannot remove 1 units: only 0 are on hand.", await adjustments.AdjustAsync(productId, warehouseId, -1, "Count", "wes@portal.example"));
        Assert.Null(await adjustments.AdjustAsync(productId, warehouseId, 5, "Found on a pallet", "wes@portal.example"));

        await using var check = NewContext();
        Assert.Equal(5, (await check.StockLevels.SingleAsync(s => s.ProductId == productId && s.WarehouseId == warehouseId)).OnHand);
    }

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
