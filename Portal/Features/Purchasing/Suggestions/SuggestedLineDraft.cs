namespace Portal.Features.Purchasing.Suggestions;

/// <summary>A suggested line as the buyer edits it before raising the purchase order.</summary>
public sealed class SuggestedLineDraft
{
    public bool Include { get; set; } = true;
    public int Quantity { get; set; }
    public DateOnly? ExpectedDate { get; set; }

    /// <summary>Starts at the product's last cost; null for a product never bought until the buyer types one.</summary>
    public decimal? UnitCost { get; set; }

    public static SuggestedLineDraft For(SuggestedLine line) =>
        new() { Quantity = line.SuggestedQuantity, ExpectedDate = line.ExpectedDate, UnitCost = line.LastCost };
}
