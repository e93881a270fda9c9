namespace Portal.Features.Notifications.Links;

/// <summary>Where customers reach the portal from an email, and how long a link works (configuration section "Portal").</summary>
public sealed class CustomerLinkOptions
{
    public const string Section = "Portal";

    /// <summary>
    /// The address customers open, e.g. "https://orders.example.com". Empty: the address the portal listens on, which
    /// suits a developer's machine and tests, not a portal behind a proxy.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How long a link in an email works; a customer with an older one can ask for a fresh link.</summary>
    public int CustomerLinkDays { get; set; } = 30;

    /// <summary>Requests to the customer pages one address may make per minute.</summary>
    public int RequestsPerMinute { get; set; } = 30;
}
