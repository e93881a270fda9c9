using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.Text;

namespace Portal.Features.Notifications.Delivery;

/// <param name="MessageId">The same for every attempt at one notice, so a mail system can drop a repeat.</param>
public sealed record OutgoingEmail(string To, string Subject, string TextBody, string HtmlBody, string MessageId);

/// <summary>
/// Hands one email to the SMTP server (MailKit) or writes it into the pickup folder (MimeKit); returns only once it
/// was accepted, with what the server said. It throws <see cref="OperationCanceledException"/> only while nothing of
/// the message has gone out yet, so a caller that is stopped can leave the email for a later run without sending it twice.
/// </summary>
public sealed class EmailTransport(EmailSettingsSource settings)
{
    public const string NoticeIdHeader = "X-Portal-Notice";

    // An address needs a domain; MimeKit's default would take "backorders" as a local mailbox.
    private static readonly ParserOptions AddressRules = new() { AllowAddressesWithoutDomain = false };

    /// <summary>
    /// The domain of Message-IDs: the configured sender's, not the one an Admin may set, because a notice's Message-ID
    /// must stay the same for every attempt even when the sender changes in between.
    /// </summary>
    public string MessageIdDomain => settings.Configured.From.Split('@') is [_, { Length: > 0 } host] ? host : "portal.local";

    public static bool IsAddress(string value) => MailboxAddress.TryParse(AddressRules, value, out _);

    /// <returns>The server's reply to the message, e.g. "250 2.0.0 Ok: queued as 4dQ1x", or the pickup file written.</returns>
    /// <exception cref="FormatException">An address MimeKit cannot parse: it will not get better by trying again.</exception>
    public async Task<string> SendAsync(OutgoingEmail email, int noticeId, CancellationToken cancellationToken)
    {
        var delivery = await settings.CurrentAsync(cancellationToken);
        using var message = Build(delivery, email, noticeId);
        return delivery.Mode == EmailMode.Pickup
            ? await WriteToPickupFolderAsync(delivery.PickupFolder, message, cancellationToken)
            : await SendOverSmtpAsync(delivery.Smtp, message, cancellationToken);
    }

    /// <summary>What a failed send says in the attempt log: for a refusal, the server's status code and reply.</summary>
    public static string Describe(Exception error)
    {
        var messages = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e is SmtpCommandException refused ? $"{(int)refused.StatusCode} {refused.Message}" : e.Message);
        }

        return string.Join(" ", messages.Distinct());
    }

    private static MimeMessage Build(EmailDelivery delivery, OutgoingEmail email, int noticeId)
    {
        var message = new MimeMessage { Subject = email.Subject, MessageId = email.MessageId };
        var from = MailboxAddress.Parse(AddressRules, delivery.From);
        from.Name = delivery.SenderName;
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(AddressRules, email.To));
        message.Headers.Add(NoticeIdHeader, noticeId.ToString(CultureInfo.InvariantCulture));

        // multipart/alternative: plain text first, HTML last (mail readers show the last part they understand).
        message.Body = new MultipartAlternative { Part(TextFormat.Plain, email.TextBody), Part(TextFormat.Html, email.HtmlBody) };
        return message;
    }

    // Quoted-printable keeps every line short and 7-bit, whatever the server or the pickup reader accepts.
    private static TextPart Part(TextFormat format, string text) =>
        new(format) { Text = text, ContentTransferEncoding = ContentEncoding.QuotedPrintable };

    private static async Task<string> SendOverSmtpAsync(SmtpOptions smtp, MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host, smtp.Port, Security(smtp), cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }

        // The last moment a stop leaves nothing behind. From here the message is not cancelled: cut short after the
        // server queued it, it would be sent again by the next run. The timeout still bounds every read and write.
        cancellationToken.ThrowIfCancellationRequested();
        var reply = await client.SendAsync(message, CancellationToken.None);
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception)
        {
            // The server has the message; a goodbye that fails changes nothing.
        }

        // MailKit returns only for 250, the one success reply to the end of the data (RFC 5321), and gives the text alone.
        return $"{(int)SmtpStatusCode.Ok} {reply}";
    }

    // Email:Smtp:EnableSsl asks for TLS. On 465 ("submissions") TLS starts with the connection; on other ports
    // STARTTLS is required, as the setting meant before MailKit. Without it STARTTLS is used when the server offers it.
    private static SecureSocketOptions Security(SmtpOptions smtp) => smtp switch
    {
        { EnableSsl: true, Port: 465 } => SecureSocketOptions.SslOnConnect,
        { EnableSsl: true } => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };

    private static async Task<string> WriteToPickupFolderAsync(string? folder, MimeMessage message, CancellationToken cancellationToken)
    {
        folder = folder ?? throw new InvalidOperationException("Email:PickupFolder is not set.");
        Directory.CreateDirectory(folder);

        // Written under another name and then renamed: whatever reads *.eml never sees half a file, and a stop
        // while writing leaves no email behind.
        var path = Path.Combine(Path.GetFullPath(folder), $"{Guid.NewGuid():N}.eml");
        var partial = path + ".partial";
        try
        {
            await message.WriteToAsync(partial, cancellationToken);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }

        File.Move(partial, path);
        return $"Written to {path}";
    }
}
