namespace Portal.Domain.Allocation;

/// <summary>
/// A date that is today plus a fixed number of business days (<see cref="ShipDatesToday"/>) is not stored: it is
/// worked out when read, so it is never a day stale, and the nightly run does not rewrite every allocated line and
/// every line behind a late purchase order just because the calendar moved on. Dates resting on a purchase order
/// still to come or on a lead time are stored. Queries that filter or sort by date read a null with the overdue flag
/// as <see cref="ShipDatesToday.LateDelivery"/>, the earliest date a waiting line can have.
/// See docs/ship-dates.md#stored-and-worked-out-dates.
/// </summary>
public static class StoredEta
{
    private static bool FollowsToday(EtaBasis basis, bool overdue) =>
        basis == EtaBasis.Allocated || basis == EtaBasis.PurchaseOrder && overdue;

    public static DateOnly? ToStore(DateOnly? eta, EtaBasis basis, bool overdue) => FollowsToday(basis, overdue) ? null : eta;

    public static DateOnly? FromStore(DateOnly? stored, EtaBasis basis, bool overdue, ShipDatesToday today) =>
        basis == EtaBasis.Allocated ? today.InStock
        : basis == EtaBasis.PurchaseOrder && overdue ? today.LateDelivery
        : stored;
}
