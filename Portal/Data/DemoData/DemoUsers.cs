using Portal.Identity;

namespace Portal.Data.DemoData;

/// <summary>One login per role, created only on a new embedded database (README lists them).</summary>
public static class DemoUsers
{
    public const string Password = "Demo!2345";

    public static readonly IReadOnlyList<(string Email, string Name, string Role)> All =
    [
        ("sales@demo.local", "Sam Sales", Roles.Sales),
        ("purchasing@demo.local", "Pat Purchasing", Roles.Purchasing),
        ("warehouse@demo.local", "Wes Warehouse", Roles.Warehouse),
        ("admin@demo.local", "Ada Admin", Roles.Admin),
    ];
}
