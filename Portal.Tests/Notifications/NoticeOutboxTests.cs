using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Data;
using Portal.Domain.Allocation;
using Portal.Domain.Notifications;
using Portal.Features.Allocation;
using Portal.Features.Notifications;

namespace Portal.Tests.Notifications;

// The write side: notices join the caller's unit of work, collapse per order inside the quiet window, and cost a
// fixed number of queries however many orders a run touches.
public abstract class NoticeOutboxTests(DatabaseProvider provider) : NoticeDeliveryTestBase(provider)
{
    [Fact]
    public async Task Nothing_is_queued_unless_the_callers_change_commits()
    {
        await using var portal = Instance(SmtpServer.FreePort());
        var shop = Shop;
        var order = await BoltOrderAsync();

        await using (var abandoned = NewContext())
        {
            await portal.Outbox.QueueAsync(abandoned, [new QueuedNotice(order.Id, order.CustomerId, shop.Event(order.LineIds[0], NoticeKind.Backordered, 10, Dec3))], Ct);
        }

        await using (var failing = NewContext())
        {
            await portal.Outbox.QueueAsync(failing, [new QueuedNotice(order.Id, order.CustomerId, shop.Event(order.LineIds[0], NoticeKind.Backordered, 10, Dec3))], Ct);
            var line = await failing.SalesOrderLines.SingleAsync(l => l.Id == order.LineIds[0], Ct);
            line.SetPromise(Dec10, EtaBasis.PurchaseOrder, false, null, null, null);
            failing.Entry(line).Property(l => l.Version).OriginalValue = line.Version + 7; // someone else saved the line first
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => failing.SaveChangesAsync(Ct));
        }

        Assert.Empty(await shop.NoticesAsync());
    }

    [Fact]
    public async Task Many_orders_queue_in_two_queries_and_later_changes_join_their_pending_notices()
    {
        await using var portal = Instance(SmtpServer.FreePort());
        var shop = Shop;
        var customer = await shop.CustomerAsync("Acme Builders", "buyer@acme.test");
        var orders = new List<PlacedOrder>();
        for (var i = 0; i < 30; i++)
        {
            orders.Add(await shop.OrderAsync(customer, new LineSpec("BP-100", "Hex bolt, M6", 2, Eta: Dec3), new LineSpec("BP-200", "Ball valve", 1, Eta: Dec3)));
        }

        var created = Clock.GetUtcNow();
        var firstQueries = await QueueCountingQueriesAsync(portal.Outbox, orders, NoticeKind.Backordered);
        Clock.Advance(TimeSpan.FromMinutes(3));
        var secondQueries = await QueueCountingQueriesAsync(portal.Outbox, orders, NoticeKind.EtaMoved);

        Assert.InRange(firstQueries, 1, 2);  // pending notices of these orders, the quiet window
        Assert.InRange(secondQueries, 1, 2);
        var notices = await shop.NoticesAsync();
        Assert.Equal(orders.Count, notices.Count);
        Assert.All(notices, n =>
        {
            Assert.Equal(4, n.Events.Count);
            Assert.Equal(created + QuietWindow, n.DueAt);
            Assert.Equal(NoticeStatus.Pending, n.Status);
        });
    }

    [Fact]
    public async Task A_nightly_run_can_notify_more_orders_than_the_databases_accept_parameters()
    {
        // 40,000 orders: more than SQLite's 32,766 parameters. Nothing is saved, so the orders need not exist.
        await using var portal = Instance(smtpPort: 25);
        await using var db = NewContext();
        var items = Enumerable.Range(1, 40_000).Select(id => new QueuedNotice(id, 1, Shop.Event(id, NoticeKind.Backordered, 1, Dec3))).ToList();

        await portal.Outbox.QueueAsync(db, items, Ct);

        Assert.Equal(40_000, db.ChangeTracker.Entries<Domain.Notifications.CustomerNotice>().Count());
    }

    [Fact]
    public async Task Quiet_window_comes_from_the_settings()
    {
        await using var portal = Instance(SmtpServer.FreePort());
        var shop = Shop;
        await using (var db = NewContext())
        {
            var settings = await db.Settings.SingleAsync(Ct);
            settings.ChangeDates(settings.PickDays, settings.ReceivingDays, settings.EtaMoveThresholdDays, settings.LeadTimeMoveThresholdDays, quietWindowMinutes: 30);
            await db.SaveChangesAsync(Ct);
        }

        var order = await BoltOrderAsync();
        await shop.QueueBackorderedAsync(portal.Outbox, order);

        Assert.Equal(Clock.GetUtcNow() + TimeSpan.FromMinutes(30), Assert.Single(await shop.NoticesAsync()).DueAt);
    }

    [Fact]
    public async Task A_change_after_a_notice_was_attempted_starts_a_new_notice()
    {
        await using var portal = Instance(SmtpServer.FreePort()); // down: the first attempt fails and the notice waits
        var shop = Shop;
        var order = await BoltOrderAsync();
        await shop.QueueBackorderedAsync(portal.Outbox, order);
        Clock.Advance(QuietWindow);
        await portal.Sender.SendDueAsync(Ct);

        await shop.ChangeEtaAsync(portal.Outbox, order, 0, Dec10);

        var notices = await shop.NoticesAsync();
        Assert.Equal(2, notices.Count);
        Assert.Single(notices[0].Events);
        Assert.Equal(NoticeKind.EtaMoved, Assert.Single(notices[1].Events).Kind);
        Assert.Equal(Clock.GetUtcNow() + QuietWindow, notices[1].DueAt);
    }

    [Fact]
    public async Task Joining_a_notice_that_a_sender_claimed_meanwhile_fails_the_callers_save()
    {
        await using var portal = Instance(SmtpServer.FreePort());
        var shop = Shop;
        var order = await BoltOrderAsync();
        await shop.QueueBackorderedAsync(portal.Outbox, order);

        await using var run = NewContext();
        await portal.Outbox.QueueAsync(run, [new QueuedNotice(order.Id, order.CustomerId, shop.Event(order.LineIds[0], NoticeKind.EtaMoved, 10, Dec10))], Ct);
        await using (var sender = NewContext())
        {
            var notice = await sender.CustomerNotices.SingleAsync(Ct);
            notice.Render("buyer@acme.test", "subject", "text", "<p>html</p>", new string('0', 64));
            notice.Claim(Clock.GetUtcNow() + TimeSpan.FromMinutes(5));
            await sender.SaveChangesAsync(Ct);
        }

        // The run starts again (as the allocation service does on any conflict) and its change goes into a new notice.
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => run.SaveChangesAsync(Ct));
        await shop.ChangeEtaAsync(portal.Outbox, order, 0, Dec10);
        var notices = await shop.NoticesAsync();
        Assert.Equal([1, 1], notices.Select(n => n.Events.Count));
    }

    [Fact]
    public async Task Allocation_run_notices_become_events_with_a_note_for_staff()
    {
        await using var portal = Instance(SmtpServer.FreePort());
        var shop = Shop;
        var order = await BoltOrderAsync(eta: Dec10);
        INoticeQueue queue = portal.Get<INoticeQueue>();

        await using (var db = NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            await queue.QueueAsync(db, [
                new LineNotice(order.Id, order.CustomerId, order.LineIds[0], new Notice(NoticeKind.EtaMoved, 10, Dec10, Dec3, 5), "PO-7 arrives Dec 8"),
            ], Ct);
            await transaction.CommitAsync(Ct);
        }

        var change = Assert.Single(Assert.Single(await shop.NoticesAsync()).Events);
        Assert.Equal((NoticeKind.EtaMoved, 10, Dec10, "was Thu 3 Dec 2026, +5 business days"), (change.Kind, change.Quantity, change.EtaDate, change.Note));
        Assert.Same(portal.Outbox, queue);
    }

    private async Task<int> QueueCountingQueriesAsync(NoticeOutbox outbox, List<PlacedOrder> orders, NoticeKind kind)
    {
        var counter = new QueryCounter();
        await using var db = PortalDbContext.Create(new DbContextOptionsBuilder<PortalDbContext>(Db.Options).AddInterceptors(counter).Options);
        var items = orders.SelectMany(o => o.LineIds.Select(line => new QueuedNotice(o.Id, o.CustomerId, Shop.Event(line, kind, 1, Dec3)))).ToList();
        await outbox.QueueAsync(db, items, Ct);
        var queries = counter.Count;
        await db.SaveChangesAsync(Ct);
        return queries;
    }

    private sealed class QueryCounter : DbCommandInterceptor
    {
        public int Count { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

public sealed class NoticeOutboxTestsOnSqlite() : NoticeOutboxTests(DatabaseProvider.Sqlite);

public sealed class NoticeOutboxTestsOnPostgres() : NoticeOutboxTests(DatabaseProvider.Postgres);

public sealed class NoticeOutboxTestsOnSqlServer() : NoticeOutboxTests(DatabaseProvider.SqlServer);
