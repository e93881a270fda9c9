using Portal.Domain.Common;

namespace Portal.Domain.Warehouse;

public class StockAdjustment : Entity
{
    /// <summary>The longest reason an adjustment keeps.</summary>
    public const int ReasonMaxLength = 200;

    private StockAdjustment() { }

    public StockAdjustment(int productId, int warehouseId, int delta, string reason, string adjustedBy, DateTimeOffset adjustedAt)
    {
        ProductId = productId;
        WarehouseId = warehouseId;
        Delta = delta;
        Reason = Guard.Required(reason, "Reason", ReasonMaxLength);
        AdjustedBy = Guard.Required(adjustedBy, "Adjusted by", 256);
        AdjustedAt = adjustedAt;
    }

    public int ProductId { get; private set; }
    public int WarehouseId { get; private set; }
    public int Delta { get; private set; }
    public string Reason { get; private set; } = "";
    public string AdjustedBy { get; private set; } = "";
    public DateTimeOffset AdjustedAt { get; private set; }
}
