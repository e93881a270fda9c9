namespace Portal.Identity;

public static class Roles
{
    public const string Sales = nameof(Sales);
    public const string Purchasing = nameof(Purchasing);
    public const string Warehouse = nameof(Warehouse);
    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyList<string> All = [Sales, Purchasing, Warehouse, Admin];

    // Admin may use every area; these strings go straight into [Authorize(Roles = ...)].
    public const string SalesArea = Sales + "," + Admin;
    public const string PurchasingArea = Purchasing + "," + Admin;
    public const string WarehouseArea = Warehouse + "," + Admin;
    public const string AdminArea = Admin;
}
