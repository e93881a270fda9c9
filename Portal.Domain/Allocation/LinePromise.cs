using Portal.Domain.Common;

namespace Portal.Domain.Allocation;

// What a rep can promise for one unsaved line. ShipsNow: units automatic allocation would give it from available
// stock after the waiting lines ahead of it. Eta is the date of its last unit; Eta.LineId is a placeholder
// (−LineNumber) since the line has no id yet. AvailableNow and PromisedToOthers describe the pool before the order.
public sealed record LinePromise(
    int LineNumber,
    int Quantity,
    int ShipsNow,
    LineEta Eta,
    int AvailableNow,
    int PromisedToOthers,
    int TakenByOrdersAhead)
{
    public int Backordered => Quantity - ShipsNow;

    public string Explanation
    {
        get
        {
            if (Backordered == 0) return $"All {Wording.N(Quantity)} from stock; ships by {Show.Date(Eta.EtaDate!.Value)}";
            if (ShipsNow > 0)
                return $"{Wording.N(ShipsNow)} of {Wording.N(Quantity)} from stock now; the other {Wording.N(Backordered)}: {Eta.Explanation}";
            var ahead = TakenByOrdersAhead > 0 ? $" ({Wording.N(TakenByOrdersAhead)} available go to earlier orders)" : "";
            return $"None from stock now{ahead}; {Wording.N(Quantity)}: {Eta.Explanation}";
        }
    }
}
