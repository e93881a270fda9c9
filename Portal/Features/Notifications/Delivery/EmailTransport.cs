using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;

namespace Portal.Features.Notifications.Delivery;

/// <param name="MessageId">The same for every attempt at one notice, so a mail system can drop a repeat.</param>
public sealed record OutgoingEmail(string To, string Subject, string TextBody, string HtmlBody, string MessageId);

/// <summary>Hands one email to the SMTP server or the pickup folder; returns only once it was accepted.</summary>
public sealed class EmailTransport(IOptions<EmailOptions> options)
{
    public const string NoticeIdHeader = "X-Portal-Notice";

    public string From => options.Value.From;

    public async Task SendAsync(OutgoingEmail email, int noticeId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = new MailMessage(new MailAddress(settings.From), new MailAddress(email.To))
        {
            Subject = email.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        message.Headers.Add("Message-ID", email.MessageId);
        message.Headers.Add(NoticeIdHeader, noticeId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // multipart/alternative: plain text first, HTML last (mail readers show the last part they understand).
        message.AlternateViews.Add(View(email.TextBody, MediaTypeNames.Text.Plain));
        message.AlternateViews.Add(View(email.HtmlBody, MediaTypeNames.Text.Html));

        using var client = CreateClient(settings);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Smtp.Timeout);
        try
        {
            await client.SendMailAsync(message, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The SMTP server did not answer within {settings.Smtp.Timeout.TotalSeconds:0} s.");
        }
    }

    private static AlternateView View(string body, string mediaType)
    {
        var view = AlternateView.CreateAlternateViewFromString(body, Encoding.UTF8, mediaType);
        view.TransferEncoding = TransferEncoding.QuotedPrintable;
        return view;
    }

    private static SmtpClient CreateClient(EmailOptions settings)
    {
        if (settings.Mode == EmailMode.Pickup)
        {
            var folder = settings.PickupFolder ?? throw new InvalidOperationException("Email:PickupFolder is not set.");
            Directory.CreateDirectory(folder);
            return new SmtpClient
            {
                DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
                PickupDirectoryLocation = Path.GetFullPath(folder),
            };
        }

        var smtp = settings.Smtp;
        var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = smtp.EnableSsl,
            Timeout = (int)smtp.Timeout.TotalMilliseconds,
        };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }

        return client;
    }
}
