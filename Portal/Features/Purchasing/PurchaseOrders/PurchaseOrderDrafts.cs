namespace Portal.Features.Purchasing.PurchaseOrders;

public sealed record PickOption(int Id, string Name);

/// <summary>A product to put on a purchase order; LastCost is the unit cost it was last bought at (null: never bought).</summary>
public sealed record ProductPick(int Id, string Sku, string Name, int? SupplierId, int PackSize, int? LeadTimeDays, decimal? LastCost = null)
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

/// <summary>A line of a purchase order being written (on a draft, the expected date or the unit cost may still be missing).</summary>
public sealed record PoLineInput(ProductPick Product, int Quantity, DateOnly? ExpectedDate, decimal? UnitCost);
