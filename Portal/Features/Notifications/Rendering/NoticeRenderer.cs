using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Portal.Domain.Common;
using Portal.Domain.Sales;

namespace Portal.Features.Notifications.Rendering;

public sealed record RenderedEmail(string Subject, string TextBody, string HtmlBody, string ContentHash);

/// <summary>
/// Turns a notice's content into the customer's email: a subject saying what happened (<see cref="NoticeSubject"/>),
/// the latest state of every line, and for a new date the one the customer was told before. The hash covers the
/// facts the email states (order, lines, quantities, statuses, dates, reasons) and not its wording, so a new template
/// never re-sends an unchanged state.
/// </summary>
public static class NoticeRenderer
{
    public const string UnknownDateFallback = "we are waiting for a date from our supplier";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static RenderedEmail Render(NoticeContent content)
    {
        var lines = content.Lines.OrderBy(l => l.LineNumber).ToList();
        return new RenderedEmail(NoticeSubject.For(content), Text(content, lines), Html(content, lines), Hash(content, lines));
    }

    public static string Quantities(NoticeLine line)
    {
        var parts = new List<string>();
        Add(parts, line.Shipped, "shipped");
        Add(parts, line.Allocated, "ready to ship");
        Add(parts, line.Backordered, "backordered");
        Add(parts, line.Cancelled, "cancelled");
        return $"{line.Ordered.ToString(Invariant)} ordered" + (parts.Count > 0 ? ": " + string.Join(", ", parts) : "");

        static void Add(List<string> parts, int quantity, string what)
        {
            if (quantity > 0)
            {
                parts.Add($"{quantity.ToString(Invariant)} {what}");
            }
        }
    }

    public static string StatusText(LineStatus status) => status switch
    {
        LineStatus.Backordered => "Backordered",
        LineStatus.PartiallyAllocated => "Partly ready to ship, rest backordered",
        LineStatus.Allocated => "Ready to ship",
        LineStatus.PartiallyShipped => "Partly shipped",
        LineStatus.Shipped => "Shipped",
        LineStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };

    /// <summary>
    /// The estimated ship date in words, "was Tue 24 Nov 2026, now Fri 4 Dec 2026" when it is news; null when nothing
    /// is left to ship.
    /// </summary>
    public static string? ShipDateText(NoticeLine line)
    {
        if (line.IsClosed)
        {
            return null;
        }

        var now = line.EtaUnknown ? $"{Show.UnknownDate} ({UnknownReason(line)})"
            : line.EtaDate is { } date ? Show.Date(date)
            : "to be confirmed";
        return line.News.Has(News.NewDate) ? $"was {Show.Date(line.News.WasEta)}, now {now}" : now;
    }

    private static string UnknownReason(NoticeLine line) =>
        string.IsNullOrWhiteSpace(line.EtaNote) ? UnknownDateFallback : line.EtaNote.Trim();

    private static string Text(NoticeContent content, List<NoticeLine> lines)
    {
        var text = new StringBuilder();
        text.AppendLine($"Hello {content.CustomerName},");
        text.AppendLine();
        text.AppendLine($"Here is the latest on your order {content.OrderNumber}{content.YourReference}.");
        foreach (var line in lines)
        {
            text.AppendLine();
            text.AppendLine($"{line.Sku}  {line.ProductName}");
            text.AppendLine($"  Quantity: {Quantities(line)}");
            text.AppendLine($"  Status: {StatusText(line.Status)}");
            if (ShipDateText(line) is { } shipDate)
            {
                text.AppendLine($"  Estimated ship date: {shipDate}");
            }
        }

        foreach (var paragraph in CustomerPage.Paragraphs(content))
        {
            text.AppendLine();
            text.AppendLine(paragraph.Text);
            foreach (var item in paragraph.Items)
            {
                text.AppendLine($"  - {item}");
            }
        }

        text.AppendLine();
        text.AppendLine("Ship dates are estimates. We will email you again if they change.");
        text.AppendLine("Questions? Reply to this email and your sales representative will get back to you.");
        if (content.CompanyName is { } company)
        {
            text.AppendLine().AppendLine(company);
        }

        return text.ToString();
    }

    private static string Html(NoticeContent content, List<NoticeLine> lines)
    {
        static string E(string value) => WebUtility.HtmlEncode(value);

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(E(content.OrderNumber)).Append("</title></head>");
        html.Append("<body style=\"font-family: Arial, sans-serif; color: #222;\">");
        html.Append("<p>Hello ").Append(E(content.CustomerName)).Append(",</p>");
        html.Append("<p>Here is the latest on your order <strong>").Append(E(content.OrderNumber)).Append("</strong>");
        if (content.CustomerReference is { } reference)
        {
            html.Append(" (your reference ").Append(E(reference)).Append(')');
        }

        html.Append(".</p>");
        html.Append("<table cellpadding=\"6\" cellspacing=\"0\" border=\"1\" style=\"border-collapse: collapse;\">");
        html.Append("<thead><tr><th align=\"left\">SKU</th><th align=\"left\">Product</th><th align=\"left\">Quantity</th>")
            .Append("<th align=\"left\">Status</th><th align=\"left\">Estimated ship date</th></tr></thead><tbody>");
        foreach (var line in lines)
        {
            html.Append("<tr><td>").Append(E(line.Sku)).Append("</td><td>").Append(E(line.ProductName))
                .Append("</td><td>").Append(E(Quantities(line))).Append("</td><td>").Append(E(StatusText(line.Status)))
                .Append("</td><td>").Append(E(ShipDateText(line) ?? "")).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        foreach (var paragraph in CustomerPage.Paragraphs(content))
        {
            html.Append("<p>").Append(paragraph.Link is { } link
                ? E(paragraph.Text).Replace(E(link), $"<a href=\"{E(link)}\">{E(link)}</a>", StringComparison.Ordinal)
                : E(paragraph.Text)).Append("</p>");
            if (paragraph.Items.Count > 0)
            {
                html.Append("<ul>");
                foreach (var item in paragraph.Items)
                {
                    html.Append("<li>").Append(E(item)).Append("</li>");
                }

                html.Append("</ul>");
            }
        }

        html.Append("<p>Ship dates are estimates. We will email you again if they change.</p>");
        html.Append("<p>Questions? Reply to this email and your sales representative will get back to you.</p>");
        if (content.CompanyName is { } company)
        {
            html.Append("<p>").Append(E(company)).Append("</p>");
        }

        html.Append("</body></html>");
        return html.ToString();
    }

    private static string Hash(NoticeContent content, List<NoticeLine> lines)
    {
        var facts = new StringBuilder().Append("order:").Append(content.SalesOrderId.ToString(Invariant)).Append('\n');
        foreach (var l in lines)
        {
            facts.AppendJoin('|',
                l.LineNumber.ToString(Invariant), l.Sku, l.ProductName, l.Ordered.ToString(Invariant), l.Allocated.ToString(Invariant),
                l.Shipped.ToString(Invariant), l.Cancelled.ToString(Invariant), l.Backordered.ToString(Invariant), l.Status.ToString(),
                EtaFact(l)).Append('\n');
        }

        // A reply or a link request is news of its own even when no line changed; the link itself differs every time and
        // is left out. Notices without them hash as they always did.
        foreach (var reply in content.RepliesOrNone)
        {
            facts.Append("reply:").Append(reply).Append('\n');
        }

        if (lines.Any(l => l.News.Has(News.NewLink)))
        {
            facts.Append("link requested:").Append(content.LinkExpires?.ToString("O", Invariant)).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(facts.ToString())));
    }

    // The date as the hash has always written it, whatever the email's wording, so stored hashes keep matching.
    private static string EtaFact(NoticeLine line) =>
        line.IsClosed ? "-"
        : line.EtaUnknown ? $"unknown ({UnknownReason(line)})"
        : line.EtaDate is { } date ? Show.Date(date)
        : "to be confirmed";
}
