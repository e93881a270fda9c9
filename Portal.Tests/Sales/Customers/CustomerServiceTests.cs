using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Sales;
using Portal.Features.Sales.Common;
using Portal.Features.Sales.Customers;
using Portal.Tests.Infrastructure;
using Portal.Tests.Infrastructure.Builders;
using Portal.Features.Common;

namespace Portal.Tests.Sales.Customers;

public sealed class CustomerServiceTestsOnSqlite() : CustomerServiceTests(DatabaseProvider.Sqlite);

public sealed class CustomerServiceTestsOnPostgres() : CustomerServiceTests(DatabaseProvider.Postgres);

public sealed class CustomerServiceTestsOnSqlServer() : CustomerServiceTests(DatabaseProvider.SqlServer);

/// <summary>Customers: the list, the card, and edits that never overwrite someone else's.</summary>
public abstract class CustomerServiceTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const string Rep = "sam@portal.example";

    [Fact]
    public async Task List_searches_by_number_name_or_email_and_counts_open_orders_and_backorders()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        await using var db = NewContext();
        var shop = new SalesData(new TestData(db));
        var product = shop.Product(onHand: 1);
        var harbor = shop.Data.Save(new Domain.Sales.Customer("H100", "Harbor Hardware", "buy@harbor.example", 2, "ann@portal.example"));
        var gone = shop.Data.Save(new Domain.Sales.Customer("H200", "Harbor Closed", null, 3, null));
        gone.Deactivate();
        db.SaveChanges();
        shop.Order(harbor, (product, 4));
        await sales.Allocation.RunAsync([product.Id]);

        var page = await sales.Customers.ListAsync(new CustomerFilter("harbor"), new PageRequest());
        var withInactive = await sales.Customers.ListAsync(new CustomerFilter("H", IncludeInactive: true), new PageRequest());
        var byEmail = await sales.Customers.ListAsync(new CustomerFilter("buy@harbor"), new PageRequest());

        var row = Assert.Single(page.Rows);
        Assert.Equal((harbor.Id, 1, 3), (row.Id, row.OpenOrders, row.BackorderedUnits));
        Assert.Equal(2, withInactive.Total);
        Assert.Equal(harbor.Id, Assert.Single(byEmail.Rows).Id);
    }

    [Fact]
    public async Task Saving_changes_the_customer_and_audits_each_change()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        await using var db = NewContext();
        var customer = new SalesData(new TestData(db)).Customer();
        var form = (await sales.Customers.GetAsync(customer.Id))!.Form;
        form.Email = "new@customer.example";
        form.ShipCompleteDefault = true;
        form.NotificationsOptOut = true;

        Assert.Null(await sales.Customers.SaveAsync(customer.Id, form, Rep));

        var saved = (await sales.Customers.GetAsync(customer.Id))!;
        Assert.Equal(("new@customer.example", true, true), (saved.Form.Email, saved.Form.ShipCompleteDefault, saved.Form.NotificationsOptOut));
        var audit = Assert.Single(saved.History);
        Assert.Equal(Rep, audit.User);
        Assert.Equal("Email: buyer@customer.example → new@customer.example; Ship complete by default: False → True; Notifications opt-out: False → True", audit.Details);
    }

    [Fact]
    public async Task The_shipping_address_is_saved_as_typed_and_one_too_long_is_refused_with_its_message()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        await using var db = NewContext();
        var customer = new SalesData(new TestData(db)).Customer();
        var form = (await sales.Customers.GetAsync(customer.Id))!.Form;

        form.ShippingAddress = new string('x', Customer.MaxShippingAddressLength + 1);
        Assert.Equal($"Shipping address can be at most {Customer.MaxShippingAddressLength} characters; got {Customer.MaxShippingAddressLength + 1}.",
            await sales.Customers.SaveAsync(customer.Id, form, Rep));
        Assert.Null((await sales.Customers.GetAsync(customer.Id))!.Form.ShippingAddress);

        form.ShippingAddress = "  Goods in, Unit 4\r\n12 Quay Street\nBristol BS1 4DJ ";
        Assert.Null(await sales.Customers.SaveAsync(customer.Id, form, Rep));
        Assert.Equal("Goods in, Unit 4\n12 Quay Street\nBristol BS1 4DJ", (await sales.Customers.GetAsync(customer.Id))!.Form.ShippingAddress);
    }

    [Fact]
    public async Task A_save_over_someone_elses_is_refused_and_keeps_theirs()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        await using var db = NewContext();
        var customer = new SalesData(new TestData(db)).Customer();
        var mine = (await sales.Customers.GetAsync(customer.Id))!.Form;
        var theirs = (await sales.Customers.GetAsync(customer.Id))!.Form;
        theirs.Name = "Renamed By Alex";
        Assert.Null(await sales.Customers.SaveAsync(customer.Id, theirs, "alex@portal.example"));

        mine.PriorityTier = 1;
        var error = await sales.Customers.SaveAsync(customer.Id, mine, Rep);

        Assert.Equal("Someone else changed this customer while you were editing. Nothing was saved: reload to see their change, then try again.", error);
        var saved = (await sales.Customers.GetAsync(customer.Id))!;
        Assert.Equal(("Renamed By Alex", 3), (saved.Form.Name, saved.Form.PriorityTier));
        Assert.Single(saved.History);
    }

    [Theory]
    [InlineData("not-an-email", null, "'not-an-email' is not an email address.")]
    [InlineData(null, 9, "Priority tier must be between 1 (highest) and 5.")]
    public async Task Invalid_values_are_refused_with_the_reason(string? email, int? tier, string message)
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        await using var db = NewContext();
        var customer = new SalesData(new TestData(db)).Customer();
        var form = (await sales.Customers.GetAsync(customer.Id))!.Form;
        form.Email = email ?? form.Email;
        form.PriorityTier = tier ?? form.PriorityTier;

        Assert.Equal(message, await sales.Customers.SaveAsync(customer.Id, form, Rep));
        await using var check = NewContext();
        Assert.False(await check.AuditEvents.AnyAsync());
    }

    [Fact]
    public async Task A_new_priority_tier_marks_the_products_the_customer_waits_for()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        await using var db = NewContext();
        var shop = new SalesData(new TestData(db));
        var waitingFor = shop.Product(onHand: 0);
        var inStock = shop.Product(onHand: 10);
        var customer = shop.Customer(tier: 3);
        shop.Order(customer, (waitingFor, 2), (inStock, 1));
        await sales.Allocation.RunAsync([waitingFor.Id, inStock.Id]);
        var form = (await sales.Customers.GetAsync(customer.Id))!.Form;
        form.PriorityTier = 1;

        Assert.Null(await sales.Customers.SaveAsync(customer.Id, form, Rep));

        await using var check = NewContext();
        Assert.Equal([waitingFor.Id], await check.PendingAllocations.Select(p => p.ProductId).ToListAsync());
        Assert.Equal([waitingFor.Id], await sales.RequestedProductsAsync());
    }

    [Fact]
    public async Task A_raised_priority_tier_puts_the_customers_open_lines_first_at_the_next_run()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        await using var db = NewContext();
        var shop = new SalesData(new TestData(db));
        var product = shop.Product(onHand: 1);
        var raised = shop.Customer(tier: 3);
        var other = shop.Customer(tier: 2);
        var raisedOrder = shop.Order(raised, (product, 1));
        var otherOrder = shop.Order(other, (product, 1));
        var form = (await sales.Customers.GetAsync(raised.Id))!.Form;
        form.PriorityTier = 1;

        Assert.Null(await sales.Customers.SaveAsync(raised.Id, form, Rep));
        await sales.Allocation.RunAsync([product.Id]);

        await using var check = NewContext();
        var allocated = await check.SalesOrderLines.ToDictionaryAsync(l => l.SalesOrderId, l => l.Allocated);
        Assert.Equal(1, allocated[raisedOrder.Id]);
        Assert.Equal(0, allocated[otherOrder.Id]);
    }
}
