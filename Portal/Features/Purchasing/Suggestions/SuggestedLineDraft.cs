using Portal.Features.Purchasing.PurchaseOrders;

namespace Portal.Features.Purchasing.Suggestions;

/// <summary>A suggested line as the buyer edits it before raising the purchase order.</summary>
public sealed class SuggestedLineDraft
{
    public bool Include { get; set; } = true;
    public int Quantity { get; set; }
    public DateOnly? ExpectedDate { get; set; }

    /// <summary>The unit cost as typed; starts at the product's last cost, empty for a product never bought.</summary>
    public string? CostText { get; private set; }
    public decimal? UnitCost { get; private set; }

    /// <summary>Why the typed cost cannot go on the order; only said once the buyer typed or tried to raise.</summary>
    public string? CostError { get; private set; }

    public static SuggestedLineDraft For(SuggestedLine line) =>
        new() { Quantity = line.SuggestedQuantity, ExpectedDate = line.ExpectedDate, CostText = UnitCostText.Write(line.LastCost), UnitCost = line.LastCost };

    public void TypeCost(string? text)
    {
        CostText = text;
        (UnitCost, CostError) = UnitCostText.Read(text);
    }

    /// <summary>Reads the cost again, so an empty box says it is required; true when it can go on the order.</summary>
    public bool CheckCost()
    {
        TypeCost(CostText);
        return CostError is null;
    }
}
