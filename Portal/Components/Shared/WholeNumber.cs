using System.Globalization;

namespace Portal.Components.Shared;

/// <summary>
/// Reads a whole number as typed: "12" is 12; "1.5", "abc", "1e3" or a number outside the range is refused with a
/// message that names the field; so is "1,5" (commas only group thousands). Nothing is rounded, clamped or guessed.
/// </summary>
public static class WholeNumber
{
    public static bool TryRead(string? text, int min, int max, string field, out int value, out string? error)
    {
        value = 0;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            error = $"{field} is required.";
            return false;
        }

        if (!NumberText.CommasGroupThousands(trimmed) || !long.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number))
        {
            error = $"{field} must be a whole number; \"{trimmed}\" is not.";
            return false;
        }

        if (number < min || number > max)
        {
            error = $"{field} must be between {min.ToString("N0", CultureInfo.InvariantCulture)} and {max.ToString("N0", CultureInfo.InvariantCulture)}; got {trimmed}.";
            return false;
        }

        (value, error) = ((int)number, null);
        return true;
    }
}
