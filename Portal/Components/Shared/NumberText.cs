using System.Text.RegularExpressions;

namespace Portal.Components.Shared;

/// <summary>What the number boxes share about the text a user types.</summary>
internal static partial class NumberText
{
    /// <summary>
    /// True when every comma separates thousands ("1,000", "12,345.5"). .NET's parser skips commas wherever they are,
    /// so "1,5" would be read as 15: a user who meant one and a half would save ten times more.
    /// </summary>
    public static bool CommasGroupThousands(string trimmed) => !trimmed.Contains(',') || Grouped().IsMatch(trimmed);

    [GeneratedRegex(@"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")]
    private static partial Regex Grouped();
}
