namespace Portal.Domain.Allocation;

/// <summary>
/// An allocated line ships PickDays after today (DESIGN "Estimated ship dates" rule 1), whatever day today is, so
/// its date is not stored: it is worked out when read, is never a day stale, and the nightly run does not rewrite
/// every allocated line just because the calendar moved on. Dates resting on a purchase order or lead time are stored.
/// </summary>
public static class StoredEta
{
    public static DateOnly? ToStore(DateOnly? eta, EtaBasis basis) => basis == EtaBasis.Allocated ? null : eta;

    public static DateOnly? FromStore(DateOnly? stored, EtaBasis basis, DateOnly inStockShipDate) =>
        basis == EtaBasis.Allocated ? inStockShipDate : stored;
}
