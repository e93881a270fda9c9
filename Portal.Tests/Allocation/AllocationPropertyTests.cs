using Portal.Domain.Allocation;

namespace Portal.Tests.Allocation;

// Invariants over random pools (Gens.Pools): ties on every key, holds, ship-complete orders, over-allocated stock,
// overdue and empty PO lines, with and without lead time.
public class AllocationPropertyTests
{
    private static int Sum(IEnumerable<int> values) => values.Sum();

    [Fact]
    public void Available_is_never_negative_after_allocation() =>
        Properties.Check(Gens.Pools, p =>
        {
            var result = Allocator.Allocate(p.Snapshot);
            var left = p.Snapshot.OnHand - Sum(result.Lines.Select(l => l.AllocatedAfter));
            // An over-allocated pool is left as it was (and says so); any other ends with Available ≥ 0.
            return result.OverAllocated
                ? result.TotalAdded == 0 && left == p.Snapshot.Available
                : left >= 0 && left == result.AvailableAfter;
        });

    [Fact]
    public void Allocation_never_exceeds_what_a_line_still_owes() =>
        Properties.Check(Gens.Pools, p =>
            Allocator.Allocate(p.Snapshot).Lines.All(l => l.AllocatedAfter <= l.Line.Ordered - l.Line.Shipped - l.Line.Cancelled));

    [Fact]
    public void Stock_reaches_a_lower_priority_line_only_when_every_higher_candidate_is_full() =>
        Properties.Check(Gens.Pools, p =>
        {
            var lines = Allocator.Allocate(p.Snapshot).Lines; // priority order
            for (var j = 0; j < lines.Count; j++)
            {
                if (lines[j].Added == 0) continue;
                for (var i = 0; i < j; i++)
                    if (lines[i].Line.IsCandidate && lines[i].BackorderedAfter > 0) return false;
            }
            return true;
        });

    [Fact]
    public void Automatic_run_never_decreases_an_allocation() =>
        Properties.Check(Gens.Pools, p => Allocator.Allocate(p.Snapshot).Lines.All(l => l.AllocatedAfter >= l.AllocatedBefore));

    [Fact]
    public void Allocating_again_on_the_result_changes_nothing() =>
        Properties.Check(Gens.Pools, p =>
        {
            var first = Allocator.Allocate(p.Snapshot);
            var after = first.Lines.Select(l => l.Line with { Allocated = l.AllocatedAfter }).ToArray();
            return Allocator.Allocate(p.Snapshot with { Lines = after }).TotalAdded == 0;
        });

    [Fact]
    public void Pool_run_on_its_own_output_changes_nothing() =>
        Properties.Check(Gens.Pools, p =>
        {
            var first = RunResults.Run(p.Snapshot);
            var second = RunResults.Run(p.Snapshot.Apply(first));
            return second.Changes.Count == 0 && second.Etas.SequenceEqual(first.Etas);
        });

    [Fact]
    public void Pool_run_is_deterministic_whatever_the_order_of_its_input() =>
        Properties.Check(Gens.Pools, p =>
        {
            var reversed = p.Snapshot with { Lines = p.Snapshot.Lines.Reverse().ToArray(), Supply = p.Snapshot.Supply.Reverse().ToArray() };
            var a = RunResults.Run(p.Snapshot);
            var b = RunResults.Run(reversed);
            return a.Etas.SequenceEqual(b.Etas)
                   && a.Changes.Select(c => (c.LineId, c.AllocatedAfter, c.Notified)).SequenceEqual(b.Changes.Select(c => (c.LineId, c.AllocatedAfter, c.Notified)));
        });

    [Fact]
    public void Etas_never_decrease_along_the_priority_order_for_open_backordered_lines() =>
        Properties.Check(Gens.Pools, p =>
        {
            // Unknown (no date) counts as later than every date.
            var dates = RunResults.Run(p.Snapshot).Etas
                .Where(e => !e.OnHold && e.BackorderedQuantity > 0)
                .Select(e => e.EtaDate?.DayNumber ?? int.MaxValue)
                .ToArray();
            return dates.Zip(dates.Skip(1)).All(pair => pair.First <= pair.Second);
        });

    [Fact]
    public void Every_eta_is_a_business_day_no_earlier_than_the_pick_date() =>
        Properties.Check(Gens.Pools, p =>
        {
            var pickDate = Day.Calendar.AddBusinessDays(Day.Today, EtaSettings.Default.PickDays);
            return RunResults.Run(p.Snapshot).Etas
                .Where(e => e.EtaDate is not null)
                .All(e => Day.Calendar.IsBusinessDay(e.EtaDate!.Value) && e.EtaDate >= pickDate);
        });

    [Fact]
    public void A_date_not_stored_is_exactly_what_reading_it_back_today_gives() =>
        Properties.Check(Gens.Pools, p =>
        {
            // The runs store no date for an allocated line or one behind a late purchase order (StoredEta); that is
            // only sound if the engine's date for such a line is always the one reading it back works out.
            var today = ShipDatesToday.For(Day.Today, Day.Calendar, EtaSettings.Default);
            return RunResults.Run(p.Snapshot).Etas.All(e =>
                StoredEta.FromStore(StoredEta.ToStore(e.EtaDate, e.Basis, e.Overdue), e.Basis, e.Overdue, today) == e.EtaDate);
        });

    [Fact]
    public void Redistribute_allocates_on_hand_or_all_open_demand_of_lines_not_on_hold() =>
        Properties.Check(Gens.Pools, p =>
        {
            var openDemand = p.Snapshot.Lines.Where(l => !l.OrderOnHold).Sum(l => l.Open);
            var plan = Redistributor.Preview(p.Snapshot);
            return plan.AllocatedAfter == Math.Min(p.Snapshot.OnHand, openDemand)
                   && plan.Lines.Sum(l => l.AllocatedAfter) == plan.AllocatedAfter
                   && plan.Lines.Where(l => l.Line.OrderOnHold).All(l => l.AllocatedAfter == 0);
        });

    [Fact]
    public void Promise_matches_what_the_saved_line_then_gets() =>
        Properties.Check(Gens.Pools, p =>
        {
            // Saved later than every existing line and with a higher order number, the line really is last in its class.
            var now = new DateTimeOffset(2026, 11, 18, 9, 0, 0, TimeSpan.Zero);
            var order = new NewOrder(2, false, null, now);
            var promise = PromisePreview.ForLine(p.Snapshot, order, 4, Day.Today, Day.Calendar, EtaSettings.Default);

            var saved = new DemandLine(99901, 999, 1, false, 2, null, now, false, false, 4, 0, 0, 0);
            var run = RunResults.Run(p.Snapshot with { Lines = [.. p.Snapshot.Lines, saved] });
            var allocated = run.Changes.SingleOrDefault(c => c.LineId == saved.LineId)?.AllocatedAfter ?? 0;
            var eta = run.Etas.Single(e => e.LineId == saved.LineId);
            return promise.ShipsNow == allocated && promise.Eta.EtaDate == eta.EtaDate && promise.Eta.Basis == eta.Basis;
        });
}
