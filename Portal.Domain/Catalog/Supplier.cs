using Portal.Domain.Common;

namespace Portal.Domain.Catalog;

public class Supplier : Entity
{
    private Supplier() { }

    public Supplier(string name, string? email, int? defaultLeadTimeDays)
    {
        Name = Guard.Required(name, "Supplier name", 200);
        Email = email;
        DefaultLeadTimeDays = defaultLeadTimeDays;
    }

    public string Name { get; private set; } = "";
    public string? Email { get; private set; }

    /// <summary>Business days from order to arrival, used when a product has no lead time of its own.</summary>
    public int? DefaultLeadTimeDays { get; private set; }
}
