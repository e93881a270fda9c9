namespace Portal.Domain.Allocation;

public enum EtaBasis
{
    Allocated,
    PurchaseOrder,
    LeadTime,
    Unknown,
}
