using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Allocation;
using Portal.Tests.Common;
using Portal.Tests.Infrastructure;
using Portal.Tests.Infrastructure.Builders;

namespace Portal.Tests.Notifications;

/// <summary>What the end-to-end notification tests share: a manual clock, the shop and portal instances on the test database.</summary>
public abstract class NoticeDeliveryTestBase(DatabaseProvider provider) : DatabaseTest(provider)
{
    protected static readonly DateOnly Dec3 = new(2026, 12, 3);
    protected static readonly DateOnly Dec10 = new(2026, 12, 10);
    protected static readonly TimeSpan QuietWindow = TimeSpan.FromMinutes(10);

    protected readonly ManualClock Clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private Shop? shop;

    protected Shop Shop => shop ??= new(Db, Clock);
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The usual case: Acme Builders waiting for hex bolts, with a date.</summary>
    protected async Task<PlacedOrder> BoltOrderAsync(int quantity = 10, DateOnly? eta = null) =>
        await Shop.OrderAsync(await Shop.CustomerAsync("Acme Builders", "buyer@acme.test"), new LineSpec("BP-100", "Hex bolt, M6", quantity, Eta: eta ?? Dec3));

    protected PortalInstance Instance(int smtpPort, int maxAttempts = 8) => new(Db, Clock, PortalInstance.Smtp(smtpPort, maxAttempts));

    /// <summary>
    /// Monday 23 November: an order for 8 of a product with 5 in stock and 20 on a purchase order due Friday 27th,
    /// marked for allocation as order entry does. Its first run allocates 5 and dates the other 3 Tuesday 1 December
    /// (+ 1 receiving day + 1 pick day); without the purchase order their date rests on the supplier's <paramref name="leadTimeDays"/>, and is unknown
    /// without one.
    /// </summary>
    protected async Task<(int OrderId, int PoId)> ShortOrderAsync(int? leadTimeDays = 10)
    {
        await using var db = NewContext();
        var data = new TestData(db);
        var warehouse = data.AddWarehouse();
        var supplier = data.AddSupplier(defaultLeadTimeDays: leadTimeDays);
        var product = data.AddProduct(supplier: supplier, leadTimeDays: leadTimeDays);
        data.AddStock(product, warehouse, onHand: 5);
        var order = data.AddSalesOrder(data.AddCustomer(), warehouse, lines: [(product, 8)]);
        var po = data.AddPurchaseOrder(supplier, warehouse, [(product, 20, new DateOnly(2026, 11, 27))]);

        // As order entry does: the new order marks its product in its own transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        await AllocationFlags.MarkAsync(db, [product.Id], "New order", Clock.GetUtcNow(), Ct);
        await transaction.CommitAsync(Ct);
        return (order.Id, po.Id);
    }

    // What the scheduler does: the sweep runs the marked products (or, nightly, all of them), and once the quiet
    // window has passed the sender delivers what is due.
    protected async Task RunJobsAsync(PortalInstance portal, bool everything = false)
    {
        var allocation = portal.Scoped<AllocationService>();
        await (everything ? allocation.RunAllAsync(Ct) : allocation.RunPendingAsync(null, Ct));
        Clock.Advance(QuietWindow + TimeSpan.FromMinutes(1));
        await portal.Sender.SendDueAsync(Ct);
    }

    protected async Task<int> VersionAsync<T>(int id) where T : Domain.Common.Entity
    {
        await using var db = NewContext();
        return await db.Set<T>().AsNoTracking().Where(e => e.Id == id).Select(e => e.Version).SingleAsync(Ct);
    }

    /// <summary>The email says <paramref name="text"/> in its plain text and, HTML-encoded, in its HTML.</summary>
    protected static void Says(ReceivedEmail email, string text)
    {
        Assert.Contains(text, email.Text);
        Assert.Contains(WebUtility.HtmlEncode(text), email.Html);
    }
}
