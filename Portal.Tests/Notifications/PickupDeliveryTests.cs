using MimeKit;
using Portal.Data;
using Portal.Domain.Notifications;
using Portal.Features.Notifications.Delivery;

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
            var file = Assert.Single(Directory.GetFiles(folder));
            Assert.EndsWith(".eml", file);
            var email = ReceivedEmail.Parse(await File.ReadAllTextAsync(file, Ct));
            Assert.Contains(order.Number, email.Subject);
            Says(email, "Thu 3 Dec 2026");
            var notice = Assert.Single(await shop.NoticesAsync());
            Assert.Equal(NoticeStatus.Sent, notice.Status);
            Assert.Equal($"Written to {file}", Assert.Single(notice.Attempts).Error);

            // What a mail system picking the file up reads: MimeKit loads it back whole.
            using var loaded = await MimeMessage.LoadAsync(file, Ct);
            Assert.Equal(email.Subject, loaded.Subject);
            Assert.Equal("buyer@acme.test", Assert.Single(loaded.To.Mailboxes).Address);
            Assert.Equal($"notice-{notice.Id}@portal.local", loaded.MessageId);
            Assert.Equal(notice.Id.ToString(), loaded.Headers[EmailTransport.NoticeIdHeader]);
            // The outbox keeps the email as sent, but for the customer's link (docs/customer-replies.md#the-link).
            var link = email.CustomerLink;
            Assert.Equal(notice.TextBody, loaded.TextBody?.Replace(link, Portal.Features.Notifications.NoticeSender.KeptLink));
            Assert.Equal(notice.HtmlBody, loaded.HtmlBody?.Replace($"<a href=\"{link}\">{link}</a>", Portal.Features.Notifications.NoticeSender.KeptLink));
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
