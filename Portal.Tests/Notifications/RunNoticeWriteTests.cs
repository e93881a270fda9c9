using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Data;
using Portal.Domain.Allocation;
using Portal.Domain.Notifications;
using Portal.Features.Allocation;
using Portal.Tests.Infrastructure.Builders;

namespace Portal.Tests.Notifications;

public sealed class RunNoticeWriteTestsOnSqlite() : RunNoticeWriteTests(DatabaseProvider.Sqlite);

public sealed class RunNoticeWriteTestsOnPostgres() : RunNoticeWriteTests(DatabaseProvider.Postgres);

public sealed class RunNoticeWriteTestsOnSqlServer() : RunNoticeWriteTests(DatabaseProvider.SqlServer);

// The allocation run's hand-off: its notices are written at once in its transaction, in a fixed number of commands.
public abstract class RunNoticeWriteTests(DatabaseProvider provider) : NoticeDeliveryTestBase(provider)
{
    [Fact]
    public async Task A_run_writes_3000_notices_in_as_many_commands_as_3()
    {
        await using var portal = Instance(smtpPort: 25);
        var queue = portal.Get<INoticeQueue>();
        var few = await OrdersAsync(3);
        var many = await OrdersAsync(3_000);

        // A third of the orders already wait for an email: their events join it, the others start one.
        await QueueAsync(queue, Backordered(few.Take(1)));
        await QueueAsync(queue, Backordered(many.Take(1_000)));
        var small = await QueueAsync(queue, Backordered(few));
        var large = await QueueAsync(queue, Backordered(many));

        Assert.Equal(small, large);
        Assert.Equal(3, large.Statements); // version check of the joined notices, new notices, events
        // Two reads (pending notices, quiet window). PostgreSQL sends the three statements; SQLite executes each
        // prepared statement per row in-process, outside EF.
        Assert.Equal(Provider == DatabaseProvider.Sqlite ? 2 : 5, large.Commands);
        var notices = await Shop.NoticesAsync();
        Assert.Equal(3_003, notices.Count);
        Assert.Equal(4_004, notices.Sum(n => n.Events.Count));
    }

    [Fact]
    public async Task Events_join_the_orders_pending_notice_and_bump_its_version()
    {
        await using var portal = Instance(smtpPort: 25);
        var queue = portal.Get<INoticeQueue>();
        var order = (await OrdersAsync(1))[0];
        var created = Clock.GetUtcNow();
        await QueueAsync(queue, Backordered([order]));

        Clock.Advance(TimeSpan.FromMinutes(3));
        await QueueAsync(queue, [new LineNotice(order.Id, order.CustomerId, order.LineIds[0], new Notice(NoticeKind.EtaMoved, 4, Dec10), null)]);

        var notice = Assert.Single(await Shop.NoticesAsync());
        Assert.Equal((created + QuietWindow, 1), (notice.DueAt, notice.Version));
        Assert.Equal([NoticeKind.Backordered, NoticeKind.EtaMoved], notice.Events.OrderBy(e => e.Id).Select(e => e.Kind));
    }

    [Fact]
    public async Task A_notice_a_sender_claimed_after_the_run_read_it_fails_the_run_and_nothing_is_written()
    {
        await using var portal = Instance(smtpPort: 25);
        var queue = portal.Get<INoticeQueue>();
        var orders = await OrdersAsync(2);
        await QueueAsync(queue, Backordered(orders.Take(1)));

        var claim = new ClaimAfterRead(orders[0].Id);
        await using (var run = PortalDbContext.Create(new DbContextOptionsBuilder<PortalDbContext>(Db.Options).AddInterceptors(claim).Options))
        {
            await using var transaction = await run.Database.BeginTransactionAsync(Ct);
            // EF's own concurrency exception: public, so no area's internal type escapes, and the run retries on it.
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => queue.QueueAsync(run, Backordered(orders), Ct));
        }

        Assert.True(claim.Claimed);
        var notice = Assert.Single(await Shop.NoticesAsync());
        Assert.Equal((orders[0].Id, 1, 0, null), (notice.SalesOrderId, notice.Events.Count, notice.Version, notice.Subject));
    }

    [Fact]
    public async Task Rows_the_run_writes_read_back_through_ef_as_the_domain_made_them()
    {
        await using var portal = Instance(smtpPort: 25);
        var order = await Shop.OrderAsync(await Shop.CustomerAsync("Acme Builders", "buyer@acme.test"),
            new LineSpec("BP-100", "Hex bolt, M6", 10, Eta: Dec3), new LineSpec("BP-200", "Ball valve", 4));
        Clock.Advance(TimeSpan.FromTicks(1_234_560)); // a fraction of a second, in whole microseconds as PostgreSQL keeps them
        var now = Clock.GetUtcNow();

        await QueueAsync(portal.Get<INoticeQueue>(), [
            new LineNotice(order.Id, order.CustomerId, order.LineIds[0], new Notice(NoticeKind.EtaMoved, 10, Dec10, Dec3, 5), null),
            new LineNotice(order.Id, order.CustomerId, order.LineIds[1], new Notice(NoticeKind.EtaUnknown, 4), null),
        ]);

        var notice = Assert.Single(await Shop.NoticesAsync());
        Assert.Equal((order.Id, order.CustomerId, now, now + QuietWindow, NoticeStatus.Pending, 0, 0),
            (notice.SalesOrderId, notice.CustomerId, notice.CreatedAt, notice.DueAt, notice.Status, notice.AttemptCount, notice.Version));
        Assert.All([notice.LastError, notice.ToAddress, notice.Subject, notice.TextBody, notice.HtmlBody, notice.ContentHash], value => Assert.Null(value));
        Assert.Null(notice.SentAt);
        Assert.Equal(
            [(order.LineIds[0], NoticeKind.EtaMoved, 10, (DateOnly?)Dec10, (string?)"was Thu 3 Dec 2026, +5 business days", now),
             (order.LineIds[1], NoticeKind.EtaUnknown, 4, null, null, now)],
            notice.Events.OrderBy(e => e.SalesOrderLineId).Select(e => (e.SalesOrderLineId, e.Kind, e.Quantity, e.EtaDate, e.Note, e.OccurredAt)));

        // Stored as EF stores them (on SQLite: the same text), so EF's own filters on these columns find them.
        await using var db = NewContext();
        Assert.True(await db.CustomerNotices.AnyAsync(n => n.CreatedAt == now && n.DueAt == now + QuietWindow, Ct));
        Assert.True(await db.NoticeEvents.AnyAsync(e => e.EtaDate == Dec10 && e.Kind == NoticeKind.EtaMoved && e.OccurredAt == now, Ct));
    }

    [Fact]
    public async Task The_run_must_have_its_transaction_open()
    {
        await using var portal = Instance(smtpPort: 25);
        var order = (await OrdersAsync(1))[0];
        await using var db = NewContext();

        await Assert.ThrowsAsync<InvalidOperationException>(() => portal.Get<INoticeQueue>().QueueAsync(db, Backordered([order]), Ct));
    }

    private static List<LineNotice> Backordered(IEnumerable<PlacedOrder> orders) =>
        orders.Select(o => new LineNotice(o.Id, o.CustomerId, o.LineIds[0], new Notice(NoticeKind.Backordered, 2, Dec3), "PO-7")).ToList();

    // As the run does: queue inside an open transaction, then commit. Counts every command EF sends for the queue.
    private async Task<(int Commands, int Statements)> QueueAsync(INoticeQueue queue, List<LineNotice> notices)
    {
        var counter = new CommandCounter();
        await using var db = PortalDbContext.Create(new DbContextOptionsBuilder<PortalDbContext>(Db.Options).AddInterceptors(counter).Options);
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        var statements = await queue.QueueAsync(db, notices, Ct);
        await transaction.CommitAsync(Ct);
        return (counter.Count, statements);
    }

    // Orders of one line each, saved in one go.
    private async Task<List<PlacedOrder>> OrdersAsync(int count)
    {
        await using var db = NewContext();
        var data = new TestData(db);
        var (customer, warehouse, product) = (data.AddCustomer(), data.AddWarehouse(), data.AddProduct());
        var orders = Enumerable.Range(0, count).Select(_ =>
        {
            var order = new Domain.Sales.SalesOrder(customer, warehouse.Id, "rep@portal.example", Clock.GetUtcNow());
            order.AddLine(product.Id, 2, product.UnitPrice);
            return order;
        }).ToList();
        db.SalesOrders.AddRange(orders);
        await db.SaveChangesAsync(Ct);
        return orders.Select(o => new PlacedOrder(o.Id, customer.Id, [o.Lines.Single().Id])).ToList();
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return ValueTask.FromResult(result);
        }
    }

    // Once the run has read the pending notices, a sender renders and claims the order's notice before the run's next
    // command. On the run's own connection: a SQLite run holds the database's write lock, so no other writer could.
    private sealed class ClaimAfterRead(int orderId) : DbCommandInterceptor
    {
        private bool read;

        public bool Claimed { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            ClaimOnceRead(command);
            read |= command.CommandText.Contains("FROM \"CustomerNotices\"", StringComparison.Ordinal);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            ClaimOnceRead(command);
            return ValueTask.FromResult(result);
        }

        private void ClaimOnceRead(DbCommand command)
        {
            if (!read || Claimed)
            {
                return;
            }

            using var claim = command.Connection!.CreateCommand();
            claim.Transaction = command.Transaction;
            claim.CommandText = $"""
                UPDATE "CustomerNotices" SET "Subject" = 'Your order', "Version" = "Version" + 1 WHERE "SalesOrderId" = {orderId}
                """;
            Assert.Equal(1, claim.ExecuteNonQuery());
            Claimed = true;
        }
    }
}
