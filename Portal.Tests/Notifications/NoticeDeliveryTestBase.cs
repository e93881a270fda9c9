using System.Net;
using Portal.Data;
using Portal.Tests.Common;
using Portal.Tests.Infrastructure;

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

    /// <summary>The email says <paramref name="text"/> in its plain text and, HTML-encoded, in its HTML.</summary>
    protected static void Says(ReceivedEmail email, string text)
    {
        Assert.Contains(text, email.Text);
        Assert.Contains(WebUtility.HtmlEncode(text), email.Html);
    }
}
