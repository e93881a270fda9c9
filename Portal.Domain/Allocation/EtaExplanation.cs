using Portal.Domain.Common;

namespace Portal.Domain.Allocation;

internal static class EtaExplanation
{
    public static string Describe(LineEta eta)
    {
        var settings = eta.Terms?.Settings ?? EtaSettings.Default;
        var pick = Wording.Days(settings.PickDays, "pick");
        var handling = $"(+{Wording.N(settings.ReceivingDays)} receiving, {pick})";
        var hold = eta.OnHold ? "Order on hold; once released: " : "";

        switch (eta.Basis)
        {
            case EtaBasis.Allocated:
                // No date: the note is stored, and an allocated line's date moves with today (see StoredEta).
                return $"{hold}In stock: ships once picked ({pick})";
            case EtaBasis.PurchaseOrder:
                var po = DocumentNumbers.PurchaseOrder(eta.CoveringPoId!.Value);
                var due = Show.Date(eta.ExpectedDate!.Value);
                return eta.Overdue
                    ? $"{hold}Waiting for {po}, overdue since {due}, counted as arriving today {handling}"
                    : $"{hold}Waiting for {po} due {due} {handling}";
            case EtaBasis.LeadTime:
                var lead = eta.Terms?.LeadTimeDays ?? 0;
                var queued = eta.QueuedBehindSupply ? ", and not before the open purchase orders reach the orders ahead" : "";
                return $"{hold}No purchase order yet{Part(eta)}: supplier lead time {Wording.N(lead)} business day{(lead == 1 ? "" : "s")} {handling}{queued}";
            case EtaBasis.Unknown:
                return $"{hold}Unknown: no purchase order{Part(eta)} and no supplier lead time";
            default:
                return "Nothing left to ship";
        }
    }

    // "for 3 of 8" when only part of the backorder is beyond the open purchase orders.
    private static string Part(LineEta eta) =>
        eta.UncoveredQuantity < eta.BackorderedQuantity
            ? $" for {Wording.N(eta.UncoveredQuantity)} of {Wording.N(eta.BackorderedQuantity)}"
            : "";
}
