using Portal.Domain.Common;
using Portal.Domain.Allocation;
using Portal.Domain.Purchasing;

namespace Portal.Features.Sales.OrderEntry;

/// <summary>An open purchase order line the product is waiting for.</summary>
public sealed record IncomingSupply(int PurchaseOrderId, DateOnly ExpectedDate, int OpenQuantity, bool Overdue)
{
    public string Number => PurchaseOrder.Format(PurchaseOrderId);
}

/// <summary>
/// What a rep can tell the customer about one unsaved line: the pool as it stands (on hand, promised to others,
/// incoming) and the engine's promise for this quantity. <see cref="Problem"/> is set, and the promise empty,
/// when the line cannot be ordered as typed.
/// </summary>
public sealed record LinePreview(
    int LineNumber,
    int Quantity,
    int OnHand,
    int AvailableNow,
    int PromisedToOthers,
    int TakenByOrdersAhead,
    int WaitingAhead,
    IReadOnlyList<IncomingSupply> Incoming,
    int ShipsNow,
    DateOnly? ShipDate,
    EtaBasis Basis,
    int? CoveringPurchaseOrderId,
    string Explanation,
    string? Problem = null)
{
    public int Backordered => Quantity - ShipsNow;

    public bool DateUnknown => Problem is null && Backordered > 0 && ShipDate is null;

    public static LinePreview Refused(int lineNumber, int quantity, string problem) =>
        new(lineNumber, quantity, 0, 0, 0, 0, 0, [], 0, null, EtaBasis.None, null, problem, problem);
}

/// <summary>The promise for the whole unsaved order, in the words a rep reads out on the phone.</summary>
public sealed record OrderPreview(
    IReadOnlyList<LinePreview> Lines, bool ShipComplete, DateOnly StockShipDate, DateOnly? CompleteDate, DateOnly? RequestedShipDate)
{
    public static OrderPreview Empty(DateOnly stockShipDate) => new([], false, stockShipDate, null, null);

    public LinePreview? Line(int lineNumber) => Lines.FirstOrDefault(l => l.LineNumber == lineNumber);

    public bool HasProblems => Lines.Any(l => l.Problem is not null);

    public int UnitsNow => Valid.Sum(l => l.ShipsNow);

    public int UnitsLater => Valid.Sum(l => l.Backordered);

    /// <summary>True when the promise is later than the date the customer asked for.</summary>
    public bool MissesRequestedDate => RequestedShipDate is { } requested && UnitsLater + UnitsNow > 0
        && (CompleteDate is null || CompleteDate > requested);

    public string Summary
    {
        get
        {
            if (!Valid.Any())
            {
                return "Add a line to see when it ships.";
            }

            var complete = CompleteDate is { } date ? Day(date) : null;
            var unknown = Valid.FirstOrDefault(l => l.DateUnknown) is { } line
                ? $"unknown (line {line.LineNumber} has no purchase order and no supplier lead time)"
                : null;
            if (ShipComplete)
            {
                return complete is not null ? $"Ships complete by {complete}." : $"Ships complete; the date is {unknown}.";
            }

            if (UnitsLater == 0)
            {
                return $"Everything ships by {Day(StockShipDate)}.";
            }

            var rest = complete is not null ? $"by {complete}" : $"on a date that is {unknown}";
            return UnitsNow == 0
                ? $"Nothing from stock; all {UnitsLater} units {rest}."
                : $"{UnitsNow} units ship by {Day(StockShipDate)}; the other {UnitsLater} {rest}.";
        }
    }

    private IEnumerable<LinePreview> Valid => Lines.Where(l => l.Problem is null);

    public static string Day(DateOnly date) => Show.Date(date);
}
