using System.Text;
using Portal.Domain.Allocation;

namespace Portal.Tests.Allocation;

// A generated pool that prints readably when a property fails.
public sealed record RandomPool(PoolSnapshot Snapshot)
{
    public override string ToString()
    {
        var text = new StringBuilder($"OnHand {Snapshot.OnHand}, lead time {Snapshot.LeadTimeDays?.ToString() ?? "none"}\n");
        foreach (var l in Snapshot.Lines)
            text.Append($"  SO-{l.OrderId} line {l.LineNumber}: exp {l.Expedite} tier {l.PriorityTier} req {l.RequestedShipDate} " +
                        $"placed {l.PlacedAt:HH:mm} sc {l.ShipComplete} hold {l.OrderOnHold} ordered {l.Ordered} alloc {l.Allocated} " +
                        $"shipped {l.Shipped} cancelled {l.Cancelled} told {l.LastNotified}\n");
        foreach (var s in Snapshot.Supply)
            text.Append($"  PO-{s.PoId} line {s.PoLineId}: due {s.ExpectedDate} open {s.OpenQuantity}\n");
        return text.ToString();
    }
}
