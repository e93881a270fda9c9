namespace Portal.Domain.Allocation;

// The projection of docs/ship-dates.md (#allocated-units, #the-projection-walk, #no-purchase-order-yet) over lines
// already in priority order, with their allocations given apart (so a run can project its own result without copying
// lines).
// Supply is consumed earliest expected date first, then PO number; an overdue PO line counts as arriving today.
// On-hold lines are projected after every open line, in priority order, from what supply is left: a hold must
// not push back the dates of open orders, yet the held customer still sees the date they would get if released
// now (conservative: free stock on hand is not counted, since a held line gets it only after release).
internal sealed class EtaWalk
{
    private readonly SupplyLine[] _supply;
    private readonly DateOnly?[] _supplyEta;
    private readonly DateOnly _today;
    private readonly BusinessCalendar _calendar;
    private readonly EtaSettings _settings;
    private readonly int? _leadTime;
    private readonly EtaTerms _terms;
    private DateOnly? _pickDate, _leadDate;

    private int _next;            // first supply line with stock left
    private int _left;            // units left on _supply[_next]
    private DateOnly? _lastPoEta; // ETA of the latest supply line consumed so far

    private EtaWalk(IReadOnlyList<SupplyLine> supply, int? leadTime, DateOnly today, BusinessCalendar calendar, EtaSettings settings)
    {
        var open = 0;
        for (var i = 0; i < supply.Count; i++) if (supply[i].OpenQuantity > 0) open++;
        _supply = new SupplyLine[open];
        open = 0;
        for (var i = 0; i < supply.Count; i++) if (supply[i].OpenQuantity > 0) _supply[open++] = supply[i];
        Array.Sort(_supply, CompareSupply);
        _supplyEta = new DateOnly?[_supply.Length];
        _left = _supply.Length > 0 ? _supply[0].OpenQuantity : 0;

        _today = today;
        _calendar = calendar;
        _settings = settings;
        _leadTime = leadTime;
        _terms = new EtaTerms(today, settings, leadTime);
    }

    public static LineEta[] Project(
        DemandLine[] ranked, int[] allocated, IReadOnlyList<SupplyLine> supply, int? leadTimeDays,
        DateOnly today, BusinessCalendar calendar, EtaSettings settings)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(settings);
        var walk = new EtaWalk(supply, leadTimeDays, today, calendar, settings);
        var etas = new LineEta[ranked.Length];
        for (var i = 0; i < ranked.Length; i++)
            if (!ranked[i].OrderOnHold) etas[i] = walk.Next(ranked[i], allocated[i]);
        for (var i = 0; i < ranked.Length; i++)
            if (ranked[i].OrderOnHold) etas[i] = walk.Next(ranked[i], allocated[i]);
        return etas;
    }

    private static int CompareSupply(SupplyLine a, SupplyLine b)
    {
        var c = a.ExpectedDate.CompareTo(b.ExpectedDate);
        if (c == 0) c = a.PoId.CompareTo(b.PoId);
        return c != 0 ? c : a.PoLineId.CompareTo(b.PoLineId);
    }

    private LineEta Next(DemandLine line, int allocated)
    {
        var open = line.Open;
        var held = Math.Min(allocated, open);
        var backordered = open - held;
        if (open == 0)
            return new LineEta { LineId = line.LineId, Basis = EtaBasis.None, OnHold = line.OrderOnHold, Terms = _terms };
        if (backordered == 0)
            return new LineEta
            {
                LineId = line.LineId, EtaDate = PickDate(), Basis = EtaBasis.Allocated, AllocatedQuantity = held,
                OnHold = line.OrderOnHold, Terms = _terms,
            };

        var need = backordered;
        var last = -1;
        while (need > 0 && _next < _supply.Length)
        {
            var take = Math.Min(need, _left);
            need -= take;
            _left -= take;
            last = _next;
            if (_left == 0 && ++_next < _supply.Length) _left = _supply[_next].OpenQuantity;
        }
        if (last >= 0) _lastPoEta = SupplyEta(last);

        if (need == 0)
        {
            var po = _supply[last];
            return new LineEta
            {
                LineId = line.LineId, EtaDate = _lastPoEta, Basis = EtaBasis.PurchaseOrder,
                AllocatedQuantity = held, BackorderedQuantity = backordered,
                CoveringPoLineId = po.PoLineId, CoveringPoId = po.PoId, ExpectedDate = po.ExpectedDate,
                Overdue = po.ExpectedDate < _today, OnHold = line.OrderOnHold, Terms = _terms,
            };
        }

        // Beyond all open supply (rule 3). A new order placed today cannot reach this line before the goods already
        // on order reach the lines ahead, so the lead-time date is never earlier than the last PO's ETA.
        var lead = LeadDate();
        var queued = lead is { } l && _lastPoEta is { } p && p > l;
        return new LineEta
        {
            LineId = line.LineId, EtaDate = queued ? _lastPoEta : lead, Basis = lead is null ? EtaBasis.Unknown : EtaBasis.LeadTime,
            AllocatedQuantity = held, BackorderedQuantity = backordered, UncoveredQuantity = need,
            OnHold = line.OrderOnHold, QueuedBehindSupply = queued, Terms = _terms,
        };
    }

    private DateOnly PickDate() => _pickDate ??= _calendar.AddBusinessDays(_today, _settings.PickDays);

    private DateOnly SupplyEta(int i)
    {
        if (_supplyEta[i] is { } cached) return cached;
        var arrives = _supply[i].ExpectedDate < _today ? _today : _supply[i].ExpectedDate;
        var eta = _calendar.AddBusinessDays(arrives, _settings.ReceivingDays + _settings.PickDays);
        _supplyEta[i] = eta;
        return eta;
    }

    private DateOnly? LeadDate()
    {
        if (_leadTime is not { } days) return null;
        return _leadDate ??= _calendar.AddBusinessDays(_today, days + _settings.ReceivingDays + _settings.PickDays);
    }
}
