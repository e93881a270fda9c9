using Portal.Domain.Common;

namespace Portal.Domain.Warehouse;

public class Warehouse : Entity
{
    private Warehouse() { }

    public Warehouse(string code, string name)
    {
        Code = Guard.Required(code, "Warehouse code", 10).ToUpperInvariant();
        Name = Guard.Required(name, "Warehouse name", 100);
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
}
