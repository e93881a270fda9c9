using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Tests.Notifications;

/// <summary>
/// Just enough MIME to read what the portal sends: headers, a multipart/alternative body with a text and an HTML
/// part, quoted-printable or base64 transfer encoding, UTF-8 encoded-word subjects.
/// </summary>
public sealed partial record ReceivedEmail(IReadOnlyDictionary<string, string> Headers, string ContentType, string? Text, string? Html)
{
    public string Subject => Header("Subject") ?? "";
    public string To => Header("X-RcptTo") ?? Header("To") ?? "";
    public int NoticeId => int.Parse(Header("X-Portal-Notice") ?? "0");

    /// <summary>The link to the customer's order page the text body carries (docs/customer-replies.md#the-link).</summary>
    public string CustomerLink =>
        Regex.Match(Text ?? "", @"https?://\S+/your-order/[A-Za-z0-9_-]+").Value is { Length: > 0 } link
            ? link
            : throw new Xunit.Sdk.XunitException($"No link to the customer's page in:\n{Text}");

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public static ReceivedEmail Parse(string raw)
    {
        var (headers, body) = SplitHeaders(raw.Replace("\r\n", "\n"));
        var contentType = headers.GetValueOrDefault("Content-Type", "text/plain");
        string? text = null, html = null;
        if (BoundaryPattern().Match(contentType) is { Success: true } boundary)
        {
            foreach (var part in body.Split("--" + boundary.Groups[1].Value).Skip(1).TakeWhile(p => !p.StartsWith("--")))
            {
                var (partHeaders, partBody) = SplitHeaders(part.TrimStart('\n'));
                var decoded = Decode(partBody, partHeaders.GetValueOrDefault("Content-Transfer-Encoding", "7bit"));
                var type = partHeaders.GetValueOrDefault("Content-Type", "text/plain");
                if (type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)) html = decoded;
                else if (type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)) text = decoded;
            }
        }
        else
        {
            text = Decode(body, headers.GetValueOrDefault("Content-Transfer-Encoding", "7bit"));
        }

        return new ReceivedEmail(headers, contentType, text, html);
    }

    private static (Dictionary<string, string> Headers, string Body) SplitHeaders(string message)
    {
        var end = message.IndexOf("\n\n", StringComparison.Ordinal);
        var head = end < 0 ? message : message[..end];
        var body = end < 0 ? "" : message[(end + 2)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in Regex.Replace(head, @"\n[ \t]+", " ").Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = DecodeWords(line[(colon + 1)..].Trim());
            }
        }

        return (headers, body);
    }

    private static string Decode(string body, string transferEncoding) => transferEncoding.Trim().ToLowerInvariant() switch
    {
        "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Replace(body, @"\s", ""))),
        "quoted-printable" => QuotedPrintable(body),
        _ => body,
    };

    private static string QuotedPrintable(string body)
    {
        var unwrapped = body.Replace("=\n", "");
        var bytes = new List<byte>();
        for (var i = 0; i < unwrapped.Length; i++)
        {
            if (unwrapped[i] == '=' && i + 2 < unwrapped.Length && Uri.IsHexDigit(unwrapped[i + 1]) && Uri.IsHexDigit(unwrapped[i + 2]))
            {
                bytes.Add(Convert.ToByte(unwrapped.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(unwrapped[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    // =?utf-8?B?...?= and =?utf-8?Q?...?=, with the whitespace between adjacent encoded words dropped.
    private static string DecodeWords(string value) =>
        EncodedWordPattern().Replace(Regex.Replace(value, @"\?=\s+=\?", "?==?"), m =>
        {
            var bytes = m.Groups[2].Value.ToUpperInvariant() == "B"
                ? Convert.FromBase64String(m.Groups[3].Value)
                : Encoding.UTF8.GetBytes(QuotedPrintable(m.Groups[3].Value.Replace('_', ' ')));
            return Encoding.GetEncoding(m.Groups[1].Value).GetString(bytes);
        });

    [GeneratedRegex("boundary=\"?([^\";]+)\"?", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWordPattern();
}
