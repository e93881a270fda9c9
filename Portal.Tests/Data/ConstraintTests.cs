using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Catalog;
using Portal.Domain.Sales;
using Portal.Domain.Warehouse;
using Portal.Tests.Infrastructure;
using Portal.Tests.Infrastructure.Builders;

namespace Portal.Tests.Data;

/// <summary>
/// The database's own constraints refuse what the domain refuses, for code that goes around the domain (raw SQL,
/// a bulk update, a bug). Each refusal names the constraint, so a failure here says which rule the database lost.
/// </summary>
public abstract class ConstraintTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    [Fact]
    public void Allocating_more_than_is_on_hand_is_refused()
    {
        var stock = Seed(data => data.AddStock(data.AddProduct(), data.AddWarehouse(), onHand: 10));

        Refused("CK_StockLevels_Allocated", c => c.Database.ExecuteSql($"UPDATE \"StockLevels\" SET \"Allocated\" = \"OnHand\" + 1 WHERE \"Id\" = {stock.Id}"));
    }

    [Fact]
    public void Negative_allocation_on_a_stock_level_is_refused()
    {
        var stock = Seed(data => data.AddStock(data.AddProduct(), data.AddWarehouse(), onHand: 10));

        Refused("CK_StockLevels_Allocated", c => c.Database.ExecuteSql($"UPDATE \"StockLevels\" SET \"Allocated\" = -1 WHERE \"Id\" = {stock.Id}"));
    }

    [Fact]
    public void Shipping_stock_out_from_under_its_allocation_through_ef_is_refused()
    {
        var stock = Seed(data => data.AddStock(data.AddProduct(), data.AddWarehouse(), onHand: 10));

        Refused("CK_StockLevels_Allocated", c =>
        {
            var loaded = c.StockLevels.Single(s => s.Id == stock.Id);
            loaded.SetAllocated(8);
            c.Entry(loaded).Property(s => s.OnHand).CurrentValue = 5; // what a careless bulk "count" import would do
            c.SaveChanges();
        });
    }

    [Fact]
    public void Allocating_exactly_what_is_on_hand_is_accepted()
    {
        var stock = Seed(data => data.AddStock(data.AddProduct(), data.AddWarehouse(), onHand: 10));

        using var context = NewContext();
        Assert.Equal(1, context.Database.ExecuteSql($"UPDATE \"StockLevels\" SET \"Allocated\" = \"OnHand\" WHERE \"Id\" = {stock.Id}"));
    }

    [Fact]
    public void Sales_line_whose_backordered_quantity_does_not_add_up_is_refused()
    {
        var line = SeedSalesLine(ordered: 10);

        Refused("CK_SalesOrderLines_Backordered", c => c.Database.ExecuteSql($"UPDATE \"SalesOrderLines\" SET \"Allocated\" = 4 WHERE \"Id\" = {line.Id}"));
    }

    [Fact]
    public void Sales_line_shipping_more_than_was_ordered_is_refused()
    {
        var line = SeedSalesLine(ordered: 10);

        // Backordered is kept consistent with the other quantities, so only the "never negative" rule can catch it.
        Refused("CK_SalesOrderLines_Quantities", c => c.Database.ExecuteSql(
            $"UPDATE \"SalesOrderLines\" SET \"Shipped\" = 11, \"Backordered\" = \"Ordered\" - \"Allocated\" - 11 - \"Cancelled\" WHERE \"Id\" = {line.Id}"));
    }

    [Fact]
    public void Sales_line_with_a_negative_allocation_is_refused()
    {
        var line = SeedSalesLine(ordered: 10);

        Refused("CK_SalesOrderLines_Quantities", c => c.Database.ExecuteSql(
            $"UPDATE \"SalesOrderLines\" SET \"Allocated\" = -2, \"Backordered\" = \"Backordered\" + 2 WHERE \"Id\" = {line.Id}"));
    }

    [Fact]
    public void Sales_line_whose_quantities_add_up_is_accepted()
    {
        var line = SeedSalesLine(ordered: 10);

        using var context = NewContext();
        Assert.Equal(1, context.Database.ExecuteSql(
            $"UPDATE \"SalesOrderLines\" SET \"Allocated\" = 4, \"Shipped\" = 3, \"Cancelled\" = 1, \"Backordered\" = 2 WHERE \"Id\" = {line.Id}"));
    }

    [Fact]
    public void Purchase_line_receiving_and_cancelling_more_than_was_ordered_is_refused()
    {
        var line = Seed(data =>
        {
            var supplier = data.AddSupplier();
            return data.AddPurchaseOrder(supplier, data.AddWarehouse(), [(data.AddProduct(supplier: supplier), 10, TestData.Today)]).Lines[0];
        });

        Refused("CK_PurchaseOrderLines_Quantities", c => c.Database.ExecuteSql(
            $"UPDATE \"PurchaseOrderLines\" SET \"Received\" = 8, \"Cancelled\" = 3 WHERE \"Id\" = {line.Id}"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Customer_priority_tier_outside_one_to_five_is_refused(int tier)
    {
        var customer = Seed(data => data.AddCustomer());

        Refused("CK_Customers_PriorityTier", c => c.Database.ExecuteSql($"UPDATE \"Customers\" SET \"PriorityTier\" = {tier} WHERE \"Id\" = {customer.Id}"));
    }

    [Fact]
    public void Negative_product_price_is_refused()
    {
        var product = Seed(data => data.AddProduct(unitPrice: 5m));

        Refused("CK_Products_UnitPrice", c => c.Database.ExecuteSql($"UPDATE \"Products\" SET \"UnitPrice\" = -0.01 WHERE \"Id\" = {product.Id}"));
    }

    [Fact]
    public void Receipt_or_shipment_of_nothing_is_refused()
    {
        var (receipt, shipment) = Seed(data =>
        {
            var (warehouse, supplier) = (data.AddWarehouse(), data.AddSupplier());
            var product = data.AddProduct(supplier: supplier);
            var purchase = data.AddPurchaseOrder(supplier, warehouse, [(product, 10, TestData.Today)]);
            var sale = data.AddSalesOrder(data.AddCustomer(), warehouse, lines: [(product, 5)]);
            return (data.Save(new Receipt(purchase.Lines[0].Id, 10, "dock", TestData.Now)),
                data.Save(new Shipment(sale.Id, sale.Lines[0].Id, 5, "packer", TestData.Now)));
        });

        Refused("CK_Receipts_Quantity", c => c.Database.ExecuteSql($"UPDATE \"Receipts\" SET \"Quantity\" = 0 WHERE \"Id\" = {receipt.Id}"));
        Refused("CK_Shipments_Quantity", c => c.Database.ExecuteSql($"UPDATE \"Shipments\" SET \"Quantity\" = 0 WHERE \"Id\" = {shipment.Id}"));
    }

    [Fact]
    public void Duplicate_sku_is_refused()
    {
        Seed(data => data.AddProduct("bolt-m8"));

        using var context = NewContext();
        context.Products.Add(new Product("BOLT-M8", "Another bolt", 1m, null, null));
        DatabaseAssert.RefusedByUniqueIndex("IX_Products_Sku", "Products", ["Sku"], () => context.SaveChanges());
    }

    [Fact]
    public void Duplicate_customer_code_is_refused()
    {
        Seed(data => data.AddCustomer("c-100"));

        using var context = NewContext();
        context.Customers.Add(new Customer("C-100", "Someone else", null, 3, null));
        DatabaseAssert.RefusedByUniqueIndex("IX_Customers_Code", "Customers", ["Code"], () => context.SaveChanges());
    }

    [Fact]
    public void Duplicate_warehouse_code_is_refused()
    {
        Seed(data => data.AddWarehouse("east"));

        using var context = NewContext();
        context.Warehouses.Add(new Portal.Domain.Warehouse.Warehouse("EAST", "East again"));
        DatabaseAssert.RefusedByUniqueIndex("IX_Warehouses_Code", "Warehouses", ["Code"], () => context.SaveChanges());
    }

    [Fact]
    public void Second_stock_level_for_the_same_product_and_warehouse_is_refused()
    {
        var stock = Seed(data => data.AddStock(data.AddProduct(), data.AddWarehouse(), onHand: 1));

        using var context = NewContext();
        context.StockLevels.Add(new StockLevel(stock.ProductId, stock.WarehouseId, 5));
        DatabaseAssert.RefusedByUniqueIndex("IX_StockLevels_ProductId_WarehouseId", "StockLevels", ["ProductId", "WarehouseId"], () => context.SaveChanges());
    }

    [Fact]
    public void Two_lines_with_the_same_number_on_one_sales_order_are_refused()
    {
        var order = Seed(data => data.AddSalesOrder(data.AddCustomer(), data.AddWarehouse(), lines: [(data.AddProduct(), 1), (data.AddProduct(), 2)]));

        using var context = NewContext();
        DatabaseAssert.RefusedByUniqueIndex("IX_SalesOrderLines_SalesOrderId_LineNumber", "SalesOrderLines", ["SalesOrderId", "LineNumber"],
            () => context.Database.ExecuteSql($"UPDATE \"SalesOrderLines\" SET \"LineNumber\" = 1 WHERE \"Id\" = {order.Line(2).Id}"));
    }

    private T Seed<T>(Func<TestData, T> build)
    {
        using var context = NewContext();
        return build(new TestData(context));
    }

    private SalesOrderLine SeedSalesLine(int ordered) =>
        Seed(data => data.AddSalesOrder(data.AddCustomer(), data.AddWarehouse(), lines: [(data.AddProduct(), ordered)]).Lines[0]);

    private void Refused(string constraint, Action<PortalDbContext> change)
    {
        using var context = NewContext();
        DatabaseAssert.RefusedByCheck(constraint, () => change(context));
    }
}

public sealed class ConstraintTestsOnSqlite() : ConstraintTests(DatabaseProvider.Sqlite);

public sealed class ConstraintTestsOnPostgres() : ConstraintTests(DatabaseProvider.Postgres);

public sealed class ConstraintTestsOnSqlServer() : ConstraintTests(DatabaseProvider.SqlServer);
