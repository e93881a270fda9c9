namespace Portal.Features.Purchasing.PurchaseOrders;

public sealed record PickOption(int Id, string Name);

public sealed record ProductPick(int Id, string Sku, string Name, int? SupplierId, int PackSize, int? LeadTimeDays)
{
    public string Label => $"{Sku} · {Name}";
}

/// <summary>The suppliers and warehouses a new purchase order can name.</summary>
public sealed record PurchaseOrderFormOptions(IReadOnlyList<PickOption> Suppliers, IReadOnlyList<PickOption> Warehouses);

/// <summary>
/// A new purchase order started from a shortage: the product's supplier, the warehouse that is short, and a line
/// for the suggested quantity (at least one pack) expected after the lead time (null when nobody knows it).
/// </summary>
public sealed record PurchaseOrderDraft(int? SupplierId, int? WarehouseId, ProductPick Product, int Quantity, DateOnly? ExpectedDate);

/// <summary>A line of a purchase order being written (the expected date may still be missing on a draft).</summary>
public sealed record PoLineInput(ProductPick Product, int Quantity, DateOnly? ExpectedDate, decimal UnitCost);
