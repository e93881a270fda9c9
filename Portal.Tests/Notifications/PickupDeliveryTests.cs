using Portal.Data;
using Portal.Domain.Notifications;

namespace Portal.Tests.Notifications;

// The embedded default: no SMTP server, each email becomes an .eml file in the pickup folder.
public abstract class PickupDeliveryTests(DatabaseProvider provider) : NoticeDeliveryTestBase(provider)
{
    [Fact]
    public async Task Pickup_mode_writes_one_eml_file_per_email()
    {
        var folder = Directory.CreateTempSubdirectory("portal-pickup-").FullName;
        try
        {
            await using var portal = new PortalInstance(Db, Clock, new Dictionary<string, string?> { ["Email:Mode"] = "Pickup", ["Email:PickupFolder"] = folder });
            var shop = Shop;
            var order = await BoltOrderAsync();
            await shop.QueueBackorderedAsync(portal.Outbox, order);
            Clock.Advance(QuietWindow);

            var summary = await portal.Sender.SendDueAsync(Ct);

            Assert.Equal(1, summary.Sent);
            var email = ReceivedEmail.Parse(await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(folder, "*.eml")), Ct));
            Assert.Contains(order.Number, email.Subject);
            Says(email, "Thu 3 Dec 2026");
            Assert.Equal(NoticeStatus.Sent, Assert.Single(await shop.NoticesAsync()).Status);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class PickupDeliveryTestsOnSqlite() : PickupDeliveryTests(DatabaseProvider.Sqlite);

public sealed class PickupDeliveryTestsOnPostgres() : PickupDeliveryTests(DatabaseProvider.Postgres);

public sealed class PickupDeliveryTestsOnSqlServer() : PickupDeliveryTests(DatabaseProvider.SqlServer);
