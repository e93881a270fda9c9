namespace Portal.Domain.Common;

public static class Guard
{
    /// <summary>No order or receipt in this business comes near a million units; more is a typing error.</summary>
    public const int MaxQuantity = 1_000_000;

    public static int Quantity(int value, string what, bool allowZero = false)
    {
        if (value < 0 || (value == 0 && !allowZero))
        {
            throw new DomainException($"{what} must be {(allowZero ? "zero or more" : "at least 1")}; got {value}.");
        }

        if (value > MaxQuantity)
        {
            throw new DomainException($"{what} of {value:N0} is more than the {MaxQuantity:N0} units allowed on one line.");
        }

        return value;
    }

    public static string Required(string? value, string what, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException($"{what} is required.");
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{what} is longer than {maxLength} characters.");
        }

        return trimmed;
    }
}
