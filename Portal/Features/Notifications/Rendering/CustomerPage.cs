using Portal.Domain.Common;

namespace Portal.Features.Notifications.Rendering;

/// <summary>
/// The paragraphs of an email about the customer's own page (docs/customer-replies.md): what they told us, the
/// later dates they are asked to accept, and the link to answer.
/// </summary>
internal static class CustomerPage
{
    public sealed record Paragraph(string Text, IReadOnlyList<string> Items, string? Link = null);

    public static IEnumerable<Paragraph> Paragraphs(NoticeContent content)
    {
        if (content.RepliesOrNone.Count > 0)
        {
            yield return new Paragraph("You told us:", content.RepliesOrNone);
        }

        var asked = content.Lines.Where(l => l.AsksToAccept).ToList();
        if (asked.Count > 0)
        {
            yield return new Paragraph(
                "These dates are much later than we told you. Please tell us whether you accept the new date or would rather cancel what is still waiting:",
                asked.Select(l => $"{l.Sku} {l.ProductName}: {NoticeRenderer.ShipDateText(l)}").ToList());
        }

        if (content.OrderLink is { } link)
        {
            var until = content.LinkExpires is { } expires ? $" (the link works until {Show.Date(DateOnly.FromDateTime(expires.UtcDateTime))})" : "";
            yield return new Paragraph(
                $"See your order as it is now, and choose what happens to what is still waiting: {link}{until}", [],
                Uri.IsWellFormedUriString(link, UriKind.Absolute) ? link : null);
        }
    }
}
