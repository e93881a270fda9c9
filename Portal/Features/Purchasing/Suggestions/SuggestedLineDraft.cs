namespace Portal.Features.Purchasing.Suggestions;

/// <summary>A suggested line as the buyer edits it before raising the purchase order.</summary>
public sealed class SuggestedLineDraft
{
    public bool Include { get; set; } = true;
    public int Quantity { get; set; }
    public DateOnly? ExpectedDate { get; set; }
}
