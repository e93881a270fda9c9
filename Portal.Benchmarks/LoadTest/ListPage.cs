namespace Portal.Benchmarks.LoadTest;

/// <summary>A server-paged list as a user reaches it: its menu link, its path and the element holding its grid.</summary>
public sealed record ListPage(string Name, string Href, string Grid, string? DetailLink = null, string? DetailTitle = null)
{
    public string Path => "/" + Href;

    public static readonly ListPage Orders = new("orders", "sales/orders", "[data-testid=orders-grid]", "sales/orders/", "SO-");
    public static readonly ListPage Backorders = new("backorders", "sales/backorders", "[data-testid=backorders-grid]", "sales/orders/", "SO-");
    public static readonly ListPage Shortages = new("shortage board", "purchasing/shortages", "[data-testid=shortage-board]");
    public static readonly ListPage PurchaseOrders = new("purchase orders", "purchasing/orders", "[data-testid=po-list]", "purchasing/orders/", "PO-");
    public static readonly ListPage Receiving = new("receiving", "warehouse/receiving", "[data-testid=receiving-grid]");
    public static readonly ListPage Picking = new("pick list", "warehouse/picking", "[data-testid=pick-grid]");
    public static readonly ListPage Audit = new("audit log", "admin/audit", "[data-testid=audit-grid]");
    public static readonly ListPage Users = new("users", "admin/users", "[data-testid=users-grid]");
}
