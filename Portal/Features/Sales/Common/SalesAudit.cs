namespace Portal.Features.Sales.Common;

/// <summary>How Sales files its changes in the audit log, so pages can show an entity's own history.</summary>
internal static class SalesAudit
{
    public const string Order = "SalesOrder";
    public const string Customer = "Customer";
}
