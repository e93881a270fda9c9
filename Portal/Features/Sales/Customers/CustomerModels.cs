namespace Portal.Features.Sales.Customers;

public sealed record CustomerFilter(string? Search = null, string? SalesRep = null, bool IncludeInactive = false);

public sealed record CustomerListRow(
    int Id, string Code, string Name, string? Email, int PriorityTier, bool ShipCompleteDefault, bool NotificationsOptOut,
    bool IsActive, string? SalesRep, int OpenOrders, int BackorderedUnits);

/// <summary>The editable part of a customer, bound to the form; <see cref="Version"/> is what the rep loaded.</summary>
public sealed class CustomerForm
{
    public string Name { get; set; } = "";
    public string? Email { get; set; }
    public int PriorityTier { get; set; } = 3;
    public bool ShipCompleteDefault { get; set; }
    public bool NotificationsOptOut { get; set; }
    public string? SalesRep { get; set; }
    public string? ShippingAddress { get; set; }
    public bool IsActive { get; set; } = true;
    public int Version { get; set; }
}

public sealed record CustomerDetail(
    int Id, string Code, CustomerForm Form, int OpenOrders, int BackorderedUnits, decimal ValueAtRisk,
    IReadOnlyList<CustomerHistoryEntry> History);

public sealed record CustomerHistoryEntry(DateTimeOffset At, string User, string Action, string? Details);
