using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Allocation;
using Portal.Tests.Infrastructure;
using Portal.Tests.Infrastructure.Builders;

namespace Portal.Tests.Data;

/// <summary>
/// Two users load the same row and both change it: the first save wins, the second fails with
/// DbUpdateConcurrencyException instead of silently overwriting, and the first user's value is what stays.
/// </summary>
public abstract class ConcurrencyTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    [Fact]
    public void Second_of_two_concurrent_customer_edits_is_refused_and_the_first_survives()
    {
        int id;
        using (var setup = NewContext())
        {
            id = new TestData(setup).AddCustomer(priorityTier: 3).Id;
        }

        using var first = NewContext();
        using var second = NewContext();
        var firstCopy = first.Customers.Single(c => c.Id == id);
        var secondCopy = second.Customers.Single(c => c.Id == id);

        firstCopy.Rename("Harbour Supplies (renamed by Anna)");
        first.SaveChanges();
        secondCopy.SetPriorityTier(1);
        Assert.Throws<DbUpdateConcurrencyException>(() => second.SaveChanges());

        using var check = NewContext();
        var stored = check.Customers.Single(c => c.Id == id);
        Assert.Equal("Harbour Supplies (renamed by Anna)", stored.Name);
        Assert.Equal(3, stored.PriorityTier);
        Assert.Equal(firstCopy.Version, stored.Version);
    }

    [Fact]
    public void Second_of_two_concurrent_sales_order_edits_is_refused_and_the_first_survives()
    {
        int id;
        using (var setup = NewContext())
        {
            var data = new TestData(setup);
            id = data.AddSalesOrder(data.AddCustomer(), data.AddWarehouse(), lines: [(data.AddProduct(), 5)]).Id;
        }

        using var first = NewContext();
        using var second = NewContext();
        var firstCopy = first.SalesOrders.Include(o => o.Lines).Single(o => o.Id == id);
        var secondCopy = second.SalesOrders.Include(o => o.Lines).Single(o => o.Id == id);

        firstCopy.PutOnHold();
        first.SaveChanges();
        secondCopy.MarkExpedite("Customer called twice");
        Assert.Throws<DbUpdateConcurrencyException>(() => second.SaveChanges());

        using var check = NewContext();
        var stored = check.SalesOrders.Single(o => o.Id == id);
        Assert.True(stored.OnHold);
        Assert.False(stored.Expedite);
    }

    [Fact]
    public void Second_of_two_concurrent_allocations_of_one_sales_order_line_is_refused()
    {
        int orderId;
        using (var setup = NewContext())
        {
            var data = new TestData(setup);
            orderId = data.AddSalesOrder(data.AddCustomer(), data.AddWarehouse(), lines: [(data.AddProduct(), 5)]).Id;
        }

        using var first = NewContext();
        using var second = NewContext();
        var firstLine = first.SalesOrderLines.Single(l => l.SalesOrderId == orderId);
        var secondLine = second.SalesOrderLines.Single(l => l.SalesOrderId == orderId);

        firstLine.Allocate(5);
        first.SaveChanges();
        secondLine.Allocate(3);
        Assert.Throws<DbUpdateConcurrencyException>(() => second.SaveChanges());

        using var check = NewContext();
        var stored = check.SalesOrderLines.Single(l => l.SalesOrderId == orderId);
        Assert.Equal((5, 0), (stored.Allocated, stored.Backordered));
    }

    [Fact]
    public void Second_of_two_concurrent_stock_level_changes_is_refused_and_the_first_survives()
    {
        int id;
        using (var setup = NewContext())
        {
            var data = new TestData(setup);
            id = data.AddStock(data.AddProduct(), data.AddWarehouse(), onHand: 10).Id;
        }

        using var first = NewContext();
        using var second = NewContext();
        var firstCopy = first.StockLevels.Single(s => s.Id == id);
        var secondCopy = second.StockLevels.Single(s => s.Id == id);

        firstCopy.SetAllocated(10); // an allocation run reserves everything
        first.SaveChanges();
        secondCopy.Adjust(-4); // a count correction made on the old figures would leave 6 on hand for 10 allocated
        Assert.Throws<DbUpdateConcurrencyException>(() => second.SaveChanges());

        using var check = NewContext();
        var stored = check.StockLevels.Single(s => s.Id == id);
        Assert.Equal((10, 10), (stored.OnHand, stored.Allocated));
    }

    [Fact]
    public void Deleting_a_pending_allocation_that_was_marked_again_meanwhile_is_refused()
    {
        int productId;
        using (var setup = NewContext())
        {
            var data = new TestData(setup);
            productId = data.AddProduct().Id;
            data.Save(new PendingAllocation(productId, "new order", TestData.Now));
        }

        using var run = NewContext();
        using var marker = NewContext();
        var read = run.PendingAllocations.Single(p => p.ProductId == productId);

        marker.PendingAllocations.Single(p => p.ProductId == productId).Mark("receipt", TestData.Now.AddMinutes(1));
        marker.SaveChanges();
        run.PendingAllocations.Remove(read);
        Assert.Throws<DbUpdateConcurrencyException>(() => run.SaveChanges());

        using var check = NewContext();
        Assert.Equal("receipt", check.PendingAllocations.Single(p => p.ProductId == productId).Reason);
    }

    [Fact]
    public void A_save_that_read_the_latest_version_succeeds_and_bumps_the_version()
    {
        int id;
        using (var setup = NewContext())
        {
            id = new TestData(setup).AddCustomer().Id;
        }

        using var context = NewContext();
        var customer = context.Customers.Single(c => c.Id == id);
        var before = customer.Version;
        customer.Rename("First rename");
        context.SaveChanges();
        customer.Rename("Second rename");
        context.SaveChanges();

        using var check = NewContext();
        Assert.Equal(before + 2, check.Customers.Single(c => c.Id == id).Version);
    }
}

public sealed class ConcurrencyTestsOnSqlite() : ConcurrencyTests(DatabaseProvider.Sqlite);

public sealed class ConcurrencyTestsOnPostgres() : ConcurrencyTests(DatabaseProvider.Postgres);

public sealed class ConcurrencyTestsOnSqlServer() : ConcurrencyTests(DatabaseProvider.SqlServer);
