using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Features.Allocation;
using Portal.Features.Notifications;
using Portal.Features.Purchasing.PurchaseOrders;
using Portal.Features.Warehouse.Receiving;
using Portal.Tests.Infrastructure.Builders;

namespace Portal.Tests.Notifications;

public sealed class BackorderLoopTestsOnSqlite() : BackorderLoopTests(DatabaseProvider.Sqlite);

public sealed class BackorderLoopTestsOnPostgres() : BackorderLoopTests(DatabaseProvider.Postgres);

public sealed class BackorderLoopTestsOnSqlServer() : BackorderLoopTests(DatabaseProvider.SqlServer);

/// <summary>
/// The whole loop on a real SMTP server, the way the jobs drive it: a short order backorders, its customer hears the
/// date; the purchase order slips a week, the customer hears the new date; the goods arrive, the customer hears the
/// line is ready. Running the jobs again sends nothing more.
/// </summary>
public abstract class BackorderLoopTests(DatabaseProvider provider) : NoticeDeliveryTestBase(provider)
{
    [Fact]
    public async Task Customer_hears_the_backorder_the_slipped_date_and_the_arrival_once_each()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var portal = Instance(smtp.Port);
        var (orderId, poId) = await ShortOrderAsync();

        // Monday: 5 of 8 from stock; 3 wait for the PO due Friday 27th: + 1 receiving day + 1 pick day = Tuesday 1 December.
        await RunJobsAsync(portal);
        var first = Assert.Single(smtp.Messages());
        Assert.Contains(Domain.Sales.SalesOrder.Format(orderId), first.Subject);
        Says(first, Show.Date(new DateOnly(2026, 12, 1)));
        Assert.Equal("buyer@customer.example", first.To);

        // The supplier slips a week: Friday 4 December + 1 + 1 = Tuesday 8 December.
        var poVersion = await VersionAsync<Domain.Purchasing.PurchaseOrder>(poId);
        Assert.Null(await portal.Scoped<PurchaseOrderService>().ChangeExpectedDateAsync(poId, 1, new DateOnly(2026, 12, 4), poVersion, "buyer@portal.example"));
        await RunJobsAsync(portal);
        Assert.Equal(2, smtp.Messages().Count);
        Says(smtp.Messages()[1], Show.Date(new DateOnly(2026, 12, 8)));

        // The goods arrive: the 3 waiting units are allocated and the line is ready to ship.
        Assert.Null(await portal.Scoped<ReceivingService>().ReceiveAsync(poId, 1, 20, "dock@portal.example"));
        await RunJobsAsync(portal);
        Assert.Equal(3, smtp.Messages().Count);
        Says(smtp.Messages()[2], "ready to ship");
        Says(smtp.Messages()[2], Show.Date(new DateOnly(2026, 11, 24))); // Monday + 1 pick day
        await using (var db = NewContext())
        {
            var line = await db.SalesOrderLines.AsNoTracking().SingleAsync(l => l.SalesOrderId == orderId);
            Assert.Equal((8, 0), (line.Allocated, line.Backordered));
        }

        // The jobs keep running; nothing changed, so nobody is told anything again.
        for (var i = 0; i < 3; i++)
        {
            await RunJobsAsync(portal, everything: true);
        }

        Assert.Equal(3, smtp.Messages().Count);
    }
}
