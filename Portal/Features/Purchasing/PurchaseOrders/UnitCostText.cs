using System.Globalization;
using Portal.Domain.Purchasing;

namespace Portal.Features.Purchasing.PurchaseOrders;

/// <summary>
/// A unit cost in a text box: read exactly as typed ("12.5" is 12.5, never rounded), and anything a purchase order
/// line would refuse comes back as why, naming the field.
/// </summary>
public static class UnitCostText
{
    public static (decimal? Cost, string? Error) Read(string? typed)
    {
        var text = typed?.Trim() ?? "";
        if (text.Length == 0)
        {
            return (null, "Unit cost is required.");
        }

        if (!Portal.Components.Shared.NumberText.CommasGroupThousands(text) || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
        {
            return (null, $"Unit cost must be a number; \"{text}\" is not.");
        }

        if (PurchaseOrderLine.UnitCostError(value) is { } outOfRange)
        {
            return (null, outOfRange);
        }

        return value.Scale > PurchaseOrderLine.UnitCostDecimals
            ? (null, $"Unit cost can have at most {PurchaseOrderLine.UnitCostDecimals} decimals; got {text}.")
            : (value, null);
    }

    public static string? Write(decimal? cost) => cost?.ToString(CultureInfo.InvariantCulture);
}
