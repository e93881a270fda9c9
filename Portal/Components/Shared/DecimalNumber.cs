using System.Globalization;

namespace Portal.Components.Shared;

/// <summary>
/// Reads a decimal number as typed: "12.50" is 12.50; "abc", "1e3", "1,5", a number outside the range or with more
/// decimals than allowed is refused with a message that names the field. Nothing is rounded, clamped or guessed.
/// </summary>
public static class DecimalNumber
{
    public static bool TryRead(string? text, decimal min, decimal max, int decimals, string field, out decimal value, out string? error)
    {
        value = 0;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            error = $"{field} is required.";
            return false;
        }

        if (!NumberText.CommasGroupThousands(trimmed) || !decimal.TryParse(trimmed,
                NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number))
        {
            error = $"{field} must be a number with a point for decimals; \"{trimmed}\" is not.";
            return false;
        }

        if (number < min || number > max)
        {
            error = $"{field} must be between {Show(min)} and {Show(max)}; got {trimmed}.";
            return false;
        }

        if (number.Scale > decimals)
        {
            error = $"{field} can have at most {decimals} decimals; got {trimmed}.";
            return false;
        }

        (value, error) = (number, null);
        return true;
    }

    internal static string Show(decimal number) => number.ToString("#,0.############", CultureInfo.InvariantCulture);
}
