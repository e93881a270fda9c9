using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Data;
using Portal.Domain.Notifications;
using Portal.Features.Notifications;

namespace Portal.Tests.Notifications;

// The app stopping while the sender works through a long backlog: the run ends between two notices, every email the
// server took is recorded as sent, nothing is logged as an error, and the next run sends the rest, each exactly once.
public abstract class SenderStopTests(DatabaseProvider provider) : NoticeDeliveryTestBase(provider)
{
    [Fact]
    public async Task A_stop_ends_the_run_promptly_and_the_next_run_sends_the_rest_exactly_once()
    {
        const int notices = 300;
        await using var smtp = await SmtpServer.StartAsync();
        var logs = new CapturedLogs();
        await using var services = Compose(smtp.Port, logs);
        var sender = services.GetRequiredService<NoticeSender>();
        var customer = await Shop.CustomerAsync("Acme Builders", "buyer@acme.test");
        var orders = new List<PlacedOrder>();
        for (var i = 0; i < notices; i++)
        {
            orders.Add(await Shop.OrderAsync(customer, new LineSpec("BP-100", "Hex bolt, M6", 1 + i, Eta: Dec3)));
        }

        await Shop.QueueBackorderedAsync(services.GetRequiredService<NoticeOutbox>(), [.. orders]);
        Clock.Advance(QuietWindow);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = Task.Run(() => sender.SendDueAsync(stop.Token), Ct);
        await smtp.WaitForAsync(50, Ct);
        var sinceStop = Stopwatch.StartNew();
        await stop.CancelAsync();
        var error = await Record.ExceptionAsync(() => run);
        sinceStop.Stop();

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.True(sinceStop.Elapsed < TimeSpan.FromSeconds(2), $"The run ended {sinceStop.Elapsed} after the stop.");
        var sentBeforeStop = smtp.Messages().Select(e => e.NoticeId).ToList();
        Assert.InRange(sentBeforeStop.Count, 50, notices - 1);
        var afterStop = await Shop.NoticesAsync();
        Assert.Equal(sentBeforeStop.Order(), afterStop.Where(n => n.Status == NoticeStatus.Sent).Select(n => n.Id));
        Assert.All(afterStop.Where(n => n.Status != NoticeStatus.Sent), n =>
        {
            Assert.Equal(NoticeStatus.Pending, n.Status);
            Assert.True(n.DueAt <= Clock.GetUtcNow(), "A notice the stopped run did not send is due again at once, not held by a claim.");
            Assert.Empty(n.Attempts);
        });

        var rest = await sender.SendDueAsync(Ct);

        Assert.Equal(notices - sentBeforeStop.Count, rest.Sent);
        var received = smtp.Messages().Select(e => e.NoticeId).ToList();
        Assert.Equal(notices, received.Count);
        Assert.Equal(afterStop.Select(n => n.Id), received.Order());
        Assert.All(await Shop.NoticesAsync(), n =>
        {
            Assert.Equal(NoticeStatus.Sent, n.Status);
            Assert.True(Assert.Single(n.Attempts).Succeeded);
        });
        Assert.True(logs.WarningsAndErrors.Count == 0, string.Join("\n", logs.WarningsAndErrors)); // no error, no ObjectDisposedException
    }

    [Fact]
    public async Task A_stop_while_the_server_has_not_answered_yet_gives_the_notice_back_unsent()
    {
        // Takes the connection and never says hello, like a mail server that hangs.
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var logs = new CapturedLogs();
        await using var services = Compose(port, logs);
        var sender = services.GetRequiredService<NoticeSender>();
        await Shop.QueueBackorderedAsync(services.GetRequiredService<NoticeOutbox>(), await BoltOrderAsync());
        Clock.Advance(QuietWindow);
        var dueAt = Assert.Single(await Shop.NoticesAsync()).DueAt;

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        stop.CancelAfter(TimeSpan.FromMilliseconds(500));
        var sinceStart = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sender.SendDueAsync(stop.Token));

        Assert.True(sinceStart.Elapsed < TimeSpan.FromSeconds(3), $"The run took {sinceStart.Elapsed}; the SMTP timeout is 10 s.");
        var notice = Assert.Single(await Shop.NoticesAsync());
        Assert.Equal((NoticeStatus.Pending, dueAt), (notice.Status, notice.DueAt));
        Assert.Empty(notice.Attempts);

        silent.Stop();
        await using var smtp = await SmtpServer.StartAsync(port);
        Assert.Equal(1, (await sender.SendDueAsync(Ct)).Sent);
        Assert.Equal(notice.Id, Assert.Single(smtp.Messages()).NoticeId);
        Assert.True(logs.WarningsAndErrors.Count == 0, string.Join("\n", logs.WarningsAndErrors));
    }

    // One instance as the app composes it, with its log kept: PortalInstance logs nowhere.
    private ServiceProvider Compose(int smtpPort, CapturedLogs logs) =>
        new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs))
            .AddSingleton<TimeProvider>(Clock)
            .AddPortalDbContext(Db.Provider, Db.ConnectionString, Db.Configure)
            .AddNotifications(new ConfigurationBuilder().AddInMemoryCollection(PortalInstance.Smtp(smtpPort)).Build())
            .BuildServiceProvider();

    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> entries = new();

        public IReadOnlyList<string> WarningsAndErrors => [.. entries];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                // The test database logs parameter values on purpose; EF warns about that once per model.
                if (IsEnabled(logLevel) && eventId.Id != CoreEventId.SensitiveDataLoggingEnabledWarning.Id)
                {
                    entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
                }
            }
        }
    }
}

public sealed class SenderStopTestsOnSqlite() : SenderStopTests(DatabaseProvider.Sqlite);

public sealed class SenderStopTestsOnPostgres() : SenderStopTests(DatabaseProvider.Postgres);

public sealed class SenderStopTestsOnSqlServer() : SenderStopTests(DatabaseProvider.SqlServer);
