using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Portal.Features.Notifications.Links;

public enum OrderLinkState
{
    Valid,

    /// <summary>Genuine, but past its time: the customer may ask for a fresh one.</summary>
    Expired,

    /// <summary>Not a link the portal made (changed, cut short, made for something else): nothing in it is trusted.</summary>
    Invalid,
}

/// <summary>What a link says: the order and its customer, only when <see cref="State"/> is not Invalid.</summary>
public sealed record OrderLinkRead(OrderLinkState State, int OrderId = 0, int CustomerId = 0)
{
    public static readonly OrderLinkRead Invalid = new(OrderLinkState.Invalid);
}

/// <summary>
/// The signed, expiring link to one order's page that every customer email carries (docs/customer-replies.md#the-link).
/// The token is the order and customer ids sealed with data protection's time-limited protector under a purpose of its
/// own, so it cannot be guessed, changed or made for another order, and it stops working after
/// <see cref="CustomerLinkOptions.CustomerLinkDays"/>.
/// </summary>
public sealed class OrderLinks(IDataProtectionProvider provider, IOptions<CustomerLinkOptions> options, IServiceProvider services)
{
    public const string Purpose = "Portal.CustomerLinks.Order.v1";
    public const string PagePath = "/your-order/";

    // The purpose TimeLimitedDataProtector adds under its parent; its payload is an 8-byte expiry (UTC ticks) then the
    // data. Tokens already in customers' mailboxes depend on this format, so it does not change between releases.
    private const string TimeLimitedPurpose = "Microsoft.AspNetCore.DataProtection.TimeLimitedDataProtector.v1";

    private readonly IDataProtector protector = provider.CreateProtector(Purpose);

    // Data protection checks a token's time against the system clock, not the app's TimeProvider, so links do too.
    public DateTimeOffset Expires() => DateTimeOffset.UtcNow.AddDays(options.Value.CustomerLinkDays);

    /// <summary>A token that works until <paramref name="expires"/> (tests make expired ones with a past time).</summary>
    public string Token(int orderId, int customerId, DateTimeOffset expires) =>
        protector.ToTimeLimitedDataProtector().Protect(Payload(orderId, customerId), expires);

    /// <summary>The absolute address of the order's page, for an email.</summary>
    public string Url(int orderId, int customerId, DateTimeOffset expires) => BaseUrl() + PagePath + Token(orderId, customerId, expires);

    public OrderLinkRead Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return OrderLinkRead.Invalid;
        }

        try
        {
            var payload = protector.ToTimeLimitedDataProtector().Unprotect(token, out _);
            return Parse(payload, OrderLinkState.Valid);
        }
        catch (CryptographicException)
        {
            return ReadExpired(token);
        }
    }

    // A token that fails only because its time is up still names its order, so the customer can ask for a fresh link
    // (sent to the address on file, never to one typed in). Anything else is treated as made up.
    private OrderLinkRead ReadExpired(string token)
    {
        try
        {
            var bytes = protector.CreateProtector(TimeLimitedPurpose).Unprotect(WebEncoders.Base64UrlDecode(token));
            if (bytes.Length <= 8)
            {
                return OrderLinkRead.Invalid;
            }

            var expires = new DateTimeOffset((long)BinaryPrimitives.ReadUInt64BigEndian(bytes), TimeSpan.Zero);
            return expires <= DateTimeOffset.UtcNow ? Parse(Encoding.UTF8.GetString(bytes, 8, bytes.Length - 8), OrderLinkState.Expired) : OrderLinkRead.Invalid;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentOutOfRangeException)
        {
            return OrderLinkRead.Invalid;
        }
    }

    private static string Payload(int orderId, int customerId) =>
        string.Create(CultureInfo.InvariantCulture, $"order:{orderId}:customer:{customerId}");

    private static OrderLinkRead Parse(string payload, OrderLinkState state)
    {
        var parts = payload.Split(':');
        return parts is ["order", var order, "customer", var customer]
               && int.TryParse(order, NumberStyles.None, CultureInfo.InvariantCulture, out var orderId)
               && int.TryParse(customer, NumberStyles.None, CultureInfo.InvariantCulture, out var customerId)
            ? new OrderLinkRead(state, orderId, customerId)
            : OrderLinkRead.Invalid;
    }

    private string BaseUrl()
    {
        if (options.Value.PublicBaseUrl is { Length: > 0 } configured)
        {
            return configured.TrimEnd('/');
        }

        var listening = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses
            .FirstOrDefault(a => !a.Contains("[::]", StringComparison.Ordinal) && !a.Contains("*", StringComparison.Ordinal) && !a.Contains("+", StringComparison.Ordinal));
        return (listening ?? "http://localhost:5034").TrimEnd('/');
    }
}
