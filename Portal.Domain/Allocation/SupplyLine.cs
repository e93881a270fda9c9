namespace Portal.Domain.Allocation;

// An open purchase order line: OpenQuantity = Ordered − Received − Cancelled (over-receipts count as 0).
public sealed record SupplyLine(int PoLineId, int PoId, DateOnly ExpectedDate, int OpenQuantity);
