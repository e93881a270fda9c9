namespace Portal.Features.Notifications.Delivery;

public enum EmailMode
{
    /// <summary>Writes each email as an .eml file into <see cref="EmailOptions.PickupFolder"/> (the embedded default).</summary>
    Pickup,
    Smtp,
}

/// <summary>The <c>Email</c> configuration section: where customer emails go.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailMode Mode { get; set; } = EmailMode.Pickup;
    public string From { get; set; } = "backorders@portal.local";

    /// <summary>Relative to the content root; defaults to <c>&lt;Database:DataFolder&gt;/mail-pickup</c>.</summary>
    public string? PickupFolder { get; set; }

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;

    /// <summary>
    /// Require TLS: on port 465 it starts with the connection (implicit TLS), on any other port the server must offer
    /// STARTTLS. Off, STARTTLS is still used whenever the server offers it. Whenever TLS is used the certificate must be valid.
    /// </summary>
    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>
    /// A server that stops answering (connecting, or on any one read or write) counts as a failed attempt after this long.
    /// It also bounds how long a stop waits for a message that is already being handed over.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}
