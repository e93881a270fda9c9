using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.Tests.Browser;

/// <summary>
/// A number box as the page declares it (data-numeric "whole" or "decimal", data-range "min..max", data-decimals), what
/// to type into it, and what it must do with each text: hold exactly that number, or refuse it.
/// </summary>
internal sealed partial record NumberBox(string Id, string Label, string Kind, decimal Min, decimal Max, int Decimals)
{
    public const string Whole = "whole", Decimal = "decimal";

    private const string ReadScript = """
        input => [input.id, input.dataset.numeric ?? '', input.dataset.range ?? '', input.dataset.decimals ?? '0',
                  input.id ? (document.querySelector(`label[for="${CSS.escape(input.id)}"]`)?.innerText ?? '').trim() : '']
        """;

    /// <summary>Reads the box's declaration; a box that declares no id, label, kind or range cannot be checked and is refused here.</summary>
    public static async Task<NumberBox> ReadAsync(ILocator input)
    {
        var read = await input.EvaluateAsync<string[]>(ReadScript);
        var marker = new Marker(read[0], read[1], read[2], read[3], read[4]);
        var range = marker.Range.Split("..");
        if (marker.Id.Length == 0 || marker.Label.Length == 0 || marker.Kind is not (Whole or Decimal) || range.Length != 2
            || !decimal.TryParse(range[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var min)
            || !decimal.TryParse(range[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var max))
        {
            throw new InvalidOperationException($"A number box must have an id, a label, data-numeric (whole or decimal) and data-range (min..max): {marker}");
        }

        return new NumberBox(marker.Id, marker.Label, marker.Kind, min, max, int.Parse(marker.Decimals, CultureInfo.InvariantCulture));
    }

    /// <summary>The bad values of issue 11, the values just outside the box's own range, and its two ends (which it must take).</summary>
    public IReadOnlyList<string> Tries()
    {
        List<string> tries = ["1.5", "abc", "1,5", "999999999999", "-1", Text(Min - 1), Text(Max + 1)];
        if (Kind == Decimal)
        {
            tries.Add("1." + new string('2', Decimals + 1));
            tries.Add("1." + new string('2', Decimals));
        }

        tries.AddRange([Text(Min), Text(Max)]);
        return tries.Distinct().ToList();
    }

    /// <summary>True when the box must take the text as typed: a plain number of its kind, in its range, with no more decimals than it allows.</summary>
    public bool Takes(string typed)
    {
        var match = (Kind == Whole ? WholeText() : DecimalText()).Match(typed);
        return match.Success && match.Groups["decimals"].Length <= Decimals
            && decimal.Parse(typed, NumberStyles.Number, CultureInfo.InvariantCulture) is var number && number >= Min && number <= Max;
    }

    /// <summary>The number a box holds (data-value) once it took the text: exactly what was typed, "1.50" included.</summary>
    public static string Held(string typed) => decimal.Parse(typed, NumberStyles.Number, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    private static string Text(decimal number) => number.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^-?\d+$")]
    private static partial Regex WholeText();

    [GeneratedRegex(@"^-?\d+(\.(?<decimals>\d+))?$")]
    private static partial Regex DecimalText();

    private sealed record Marker(string Id, string Kind, string Range, string Decimals, string Label);
}
