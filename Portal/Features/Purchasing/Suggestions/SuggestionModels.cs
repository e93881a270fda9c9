namespace Portal.Features.Purchasing.Suggestions;

/// <summary>What one supplier should be asked for, for one warehouse. SupplierId null: products nobody supplies yet.</summary>
public sealed record SupplierSuggestion(
    int? SupplierId, string? Supplier, int WarehouseId, string Warehouse, int Products, int UncoveredUnits, int SuggestedUnits, decimal ValueAtRisk);

/// <summary>
/// One short product with its suggested order: the uncovered shortfall rounded up to the pack size, expected
/// lead time business days from today (null when nobody knows the lead time), at the product's last cost (null when
/// it was never bought).
/// </summary>
public sealed record SuggestedLine(
    int ProductId, string Sku, string Product, int Backordered, int Available, int OnOrder, int Uncovered, int PackSize,
    int SuggestedQuantity, int? LeadTimeDays, DateOnly? ExpectedDate, DateOnly NeedDate, decimal? LastCost = null)
{
    /// <summary>Arrives after the earliest customer needs it.</summary>
    public bool Late => ExpectedDate is { } expected && expected > NeedDate;
}

/// <summary>A line of the purchase order to raise, as the buyer confirmed it; no unit cost means the product's last cost.</summary>
public sealed record SuggestedOrderLine(int ProductId, int Quantity, DateOnly? ExpectedDate, decimal? UnitCost = null);
