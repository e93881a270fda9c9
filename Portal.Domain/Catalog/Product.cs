using Portal.Domain.Common;

namespace Portal.Domain.Catalog;

public class Product : Entity
{
    private Product() { }

    public Product(string sku, string name, decimal unitPrice, int? supplierId, int? leadTimeDays, int packSize = 1, string currency = "USD")
    {
        Sku = Guard.Required(sku, "SKU", 40).ToUpperInvariant();
        Name = Guard.Required(name, "Product name", 200);
        SetPrice(unitPrice, currency);
        SupplierId = supplierId;
        SetLeadTime(leadTimeDays);
        PackSize = Guard.Quantity(packSize, "Pack size");
        IsActive = true;
    }

    public string Sku { get; private set; } = "";
    public string Name { get; private set; } = "";
    public decimal UnitPrice { get; private set; }
    public string Currency { get; private set; } = "USD";
    public int? SupplierId { get; private set; }
    public Supplier? Supplier { get; private set; }

    /// <summary>The supplier's lead time for this product in business days; null means nobody knows it yet.</summary>
    public int? LeadTimeDays { get; private set; }

    /// <summary>The supplier sells in packs of this many units; suggested order quantities round up to it.</summary>
    public int PackSize { get; private set; } = 1;
    public bool IsActive { get; private set; }

    public void SetPrice(decimal unitPrice, string currency)
    {
        if (unitPrice < 0)
        {
            throw new DomainException("Unit price cannot be negative.");
        }

        UnitPrice = Math.Round(unitPrice, 4);
        Currency = Guard.Required(currency, "Currency", 3).ToUpperInvariant();
    }

    public void SetLeadTime(int? leadTimeDays)
    {
        if (leadTimeDays is < 0 or > 365)
        {
            throw new DomainException("Lead time must be between 0 and 365 business days.");
        }

        LeadTimeDays = leadTimeDays;
    }

    public void Deactivate() => IsActive = false;
}
