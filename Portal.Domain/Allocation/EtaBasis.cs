namespace Portal.Domain.Allocation;

// What an estimated ship date rests on. None: nothing left open on the line, so there is no date.
public enum EtaBasis
{
    None = 0,
    Allocated,
    PurchaseOrder,
    LeadTime,
    Unknown,
}
