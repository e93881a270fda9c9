using Portal.Domain.Allocation;

namespace Portal.Benchmarks.Data;

/// <summary>
/// The engine's input built straight from a generated data set, the way AllocationLoader builds it from the database:
/// one pool per product (one warehouse) with active lines or a reservation, open supply, lead time, and for
/// ship-complete orders how their lines in other pools stand.
/// </summary>
public sealed class Pools
{
    private Pools(int[] productIds, PoolSnapshot[] snapshots)
    {
        ProductIds = productIds;
        Snapshots = snapshots;
    }

    public int[] ProductIds { get; }
    public PoolSnapshot[] Snapshots { get; }

    public int LineCount => Snapshots.Sum(s => s.Lines.Count);

    public static Pools Build(DataSet data, Func<int, bool>? includeOrder = null)
    {
        includeOrder ??= _ => true;
        var products = data.Products;
        var lines = new List<DemandLine>?[products.Length + 1];
        var supply = new List<SupplyLine>?[products.Length + 1];
        var shipCompleteOrders = new HashSet<int>();

        foreach (ref readonly var l in data.Lines.AsSpan())
        {
            if (!l.IsActive || !includeOrder(l.OrderId)) continue;
            ref readonly var o = ref data.Orders[l.OrderId - 1];
            var tier = data.Customers[o.CustomerId - 1].Tier;
            (lines[l.ProductId] ??= []).Add(new DemandLine(
                l.Id, l.OrderId, l.LineNumber, o.Expedite, tier, o.RequestedShipDate, o.PlacedAt, o.ShipComplete, o.OnHold,
                l.Ordered, l.Allocated, l.Shipped, l.Cancelled,
                new NotifiedState(l.NotifiedBackordered, l.NotifiedEtaDate, l.NotifiedEtaBasis, l.NotifiedShipped, l.NotifiedCancelled)));
            if (o.ShipComplete) shipCompleteOrders.Add(l.OrderId);
        }

        foreach (ref readonly var s in data.PoLines.AsSpan())
        {
            if (s.Ordered > s.Received && lines[s.ProductId] is not null)
                (supply[s.ProductId] ??= []).Add(new SupplyLine(s.Id, s.PurchaseOrderId, s.ExpectedDate, s.Ordered - s.Received));
        }

        // Ship-complete orders: every line of the order, whatever its state, summarised per product.
        var orderLines = new Dictionary<int, List<(int ProductId, int Backordered, int NotifiedBackordered)>>();
        if (shipCompleteOrders.Count > 0)
        {
            foreach (ref readonly var l in data.Lines.AsSpan())
            {
                if (!shipCompleteOrders.Contains(l.OrderId)) continue;
                if (!orderLines.TryGetValue(l.OrderId, out var list)) orderLines[l.OrderId] = list = [];
                list.Add((l.ProductId, l.Backordered, l.NotifiedBackordered));
            }
        }

        var ids = new List<int>();
        var snapshots = new List<PoolSnapshot>();
        foreach (ref readonly var stock in data.Stock.AsSpan())
        {
            var p = stock.ProductId;
            if (lines[p] is null && stock.Allocated == 0) continue;
            var poolLines = lines[p] ?? [];
            List<OrderElsewhere>? elsewhere = null;
            foreach (var orderId in poolLines.Where(l => l.ShipComplete).Select(l => l.OrderId).Distinct())
            {
                var others = orderLines[orderId].Where(o => o.ProductId != p).ToList();
                if (others.Count > 0)
                    (elsewhere ??= []).Add(new OrderElsewhere(orderId, others.All(o => o.NotifiedBackordered == 0), others.All(o => o.Backordered == 0)));
            }

            ref readonly var product = ref products[p - 1];
            var lead = product.LeadTimeDays ?? data.Suppliers[product.SupplierId - 1].DefaultLeadTimeDays;
            ids.Add(p);
            snapshots.Add(new PoolSnapshot(stock.OnHand, poolLines, (IReadOnlyList<SupplyLine>?)supply[p] ?? [], lead, elsewhere));
        }

        return new Pools(ids.ToArray(), snapshots.ToArray());
    }
}
