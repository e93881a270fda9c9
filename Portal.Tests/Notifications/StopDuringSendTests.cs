using Portal.Data;
using Portal.Tests.Allocation.Jobs;
using Portal.Tests.Browser;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Notifications;

/// <summary>
/// A portal told to stop (SIGTERM) in the middle of a large send stops at the next email, exits within the host's
/// shutdown time with nothing logged as an error, and after a restart every customer gets their email exactly once.
/// </summary>
public sealed class StopDuringSendTests
{
    private const int Orders = 400;

    [Fact]
    public async Task A_stop_during_a_large_send_exits_cleanly_and_the_restart_sends_the_rest_exactly_once()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var portal = PortalServer.With(new Dictionary<string, string>
        {
            ["ConnectionStrings__Portal"] = database.ConnectionString,
            ["Database__SeedDemoData"] = "false",
            ["Email__Mode"] = "Smtp",
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["Email__Smtp__Port"] = smtp.Port.ToString(),
            ["Email__From"] = "backorders@portal.test",
            ["Scheduler__SweepInterval"] = "01:00:00",
            ["Scheduler__NoticeInterval"] = "00:00:01",
        });

        // Four hundred customers wait for one product: the first run tells each of them, one email per order.
        await using (var db = database.CreateContext())
        {
            await JobTestData.ShortProductWithCustomersToTellAsync(db, Orders);
        }

        await portal.StartAsync();
        using (var sending = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await smtp.WaitForAsync(30, sending.Token);
        }

        var shutdown = await portal.StopAsync(TimeSpan.FromSeconds(30));
        var sentBeforeStop = smtp.Count;
        var log = portal.Output;

        Assert.Equal(0, portal.ExitCode);
        Assert.True(shutdown < TimeSpan.FromSeconds(30), $"The portal took {shutdown.TotalSeconds:N1} s to stop.");
        Assert.True(sentBeforeStop < Orders, $"All {Orders} emails went out before the stop took effect; the test proves nothing.");
        var afterStop = log[log.IndexOf("Application is shutting down", StringComparison.Ordinal)..];
        Assert.DoesNotContain("fail:", afterStop);
        Assert.DoesNotContain("Exception", afterStop);

        await portal.StartAsync();
        using (var rest = new CancellationTokenSource(TimeSpan.FromSeconds(120)))
        {
            await smtp.WaitForAsync(Orders, rest.Token);
        }

        await Task.Delay(TimeSpan.FromSeconds(3)); // room for a duplicate to show itself
        var emails = smtp.Messages();
        Assert.Equal(Orders, emails.Count);
        Assert.Equal(Orders, emails.Select(e => e.NoticeId).Distinct().Count());
    }
}
