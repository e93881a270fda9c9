using Portal.Data;
using Portal.Features.Admin;
using Portal.Features.Allocation;
using Portal.Features.Notifications.Delivery;
using Portal.Tests.Common;

namespace Portal.Tests.Notifications;

// Admin → Settings, Email tab: the SMTP server, sender and company name set there are what the next email uses,
// whatever the configuration says; cleared again, the configuration applies.
public abstract class SenderSettingsTests(DatabaseProvider provider) : NoticeDeliveryTestBase(provider)
{
    [Fact]
    public async Task The_server_sender_and_company_name_an_admin_sets_replace_the_configured_pickup_folder()
    {
        var folder = Directory.CreateTempSubdirectory("portal-pickup-").FullName;
        try
        {
            await using var smtp = await SmtpServer.StartAsync();
            await using var portal = new PortalInstance(Db, Clock, new Dictionary<string, string?> { ["Email:Mode"] = "Pickup", ["Email:PickupFolder"] = folder });
            var settings = new SettingsService(new TestDbContextFactory(Db), portal.Get<SmtpPasswordProtector>(), portal.Get<EmailSettingsSource>(),
                portal.Scoped<AllocationScheduler>(), Clock);
            Assert.Null(await settings.SaveAsync(await settings.GetAsync() with
            {
                CompanyName = "Acme Supplies", SenderAddress = "orders@acme.test", SmtpEnabled = true, SmtpHost = "127.0.0.1", SmtpPort = smtp.Port,
            }, "ada@portal.test"));

            var order = await BoltOrderAsync();
            await Shop.QueueBackorderedAsync(portal.Outbox, order);
            Clock.Advance(QuietWindow);
            Assert.Equal(1, (await portal.Sender.SendDueAsync(Ct)).Sent);

            Assert.Empty(Directory.GetFiles(folder));
            var email = Assert.Single(smtp.Messages());
            Assert.Equal("Acme Supplies <orders@acme.test>", email.Header("From"));
            Says(email, "Acme Supplies");
            // The Message-ID keeps the configured domain, so it stays the same whatever the sender is at the next attempt.
            Assert.EndsWith("@portal.local>", email.Header("Message-ID"));

            // Switched off again: the configured pickup folder and sender.
            Assert.Null(await settings.SaveAsync(await settings.GetAsync() with { SmtpEnabled = false, SenderAddress = null, CompanyName = null }, "ada@portal.test"));
            await Shop.QueueBackorderedAsync(portal.Outbox, await BoltOrderAsync());
            Clock.Advance(QuietWindow);
            Assert.Equal(1, (await portal.Sender.SendDueAsync(Ct)).Sent);
            var written = ReceivedEmail.Parse(await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(folder)), Ct));
            Assert.Equal("backorders@portal.local", written.Header("From"));
            Assert.DoesNotContain("Acme Supplies", written.Text);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class SenderSettingsTestsOnSqlite() : SenderSettingsTests(DatabaseProvider.Sqlite);

public sealed class SenderSettingsTestsOnPostgres() : SenderSettingsTests(DatabaseProvider.Postgres);

public sealed class SenderSettingsTestsOnSqlServer() : SenderSettingsTests(DatabaseProvider.SqlServer);
