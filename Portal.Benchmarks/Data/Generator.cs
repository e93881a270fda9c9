using Portal.Domain.Allocation;
using Portal.Domain.Sales;

namespace Portal.Benchmarks.Data;

/// <summary>
/// A deterministic data set (fixed seed) of a realistic shape:
/// <list type="bullet">
/// <item>most products have a few to a few dozen open lines (exponential, mean ≈ 17 at full scale); 0.1% have
/// 1,000–5,000; two "hot" products have exactly 10,000 and 1,000 (the incremental benchmark's targets);</item>
/// <item>stock is short for a third of the products; priority tiers 1–5 (10/20/40/20/10%), 3% expedite, 2% on hold,
/// 40% with a requested date, ship-complete for 10% of customers; 8% of lines partly shipped, 2% partly cancelled;</item>
/// <item>PO lines for 85% of products (more for products with more demand), expected over the next 60 days,
/// 1 in 7 already overdue; 10% of product lead times unknown at product level and supplier level alike for 2%;</item>
/// <item>history: fully shipped lines (10% of the open count) that no run loads.</item>
/// </list>
/// State "nightly" (the default) is the database as the previous business day's run left it (allocations, dates,
/// notes and what customers were told), followed by what happened since: 2% of orders placed after it and receipts
/// for 10% of products. State "fresh" is the same rows before any run: nothing allocated, nothing told.
/// </summary>
public static class Generator
{
    public const int Seed = 20261123;

    /// <summary>Monday 23 November 2026, 06:00 UTC: the nightly run's "now". The previous run was Friday.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly[] Holidays = [new(2026, 11, 26), new(2026, 12, 25), new(2027, 1, 1), new(2027, 5, 31)];

    public static DataSet Generate(Scale scale, string state = "nightly")
    {
        if (state is not ("nightly" or "fresh")) throw new ArgumentException($"Unknown state '{state}' (nightly or fresh).");
        var rng = new Random(Seed);
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var previousRun = Now.AddDays(-3); // Friday

        // Suppliers and products.
        var suppliers = new SupplierRow[Math.Max(10, scale.Products / 100)];
        for (var i = 0; i < suppliers.Length; i++)
            suppliers[i] = new SupplierRow { Id = i + 1, DefaultLeadTimeDays = rng.NextDouble() < 0.02 ? null : rng.Next(5, 41) };
        var products = new ProductRow[scale.Products];
        for (var i = 0; i < products.Length; i++)
        {
            var supplier = rng.Next(suppliers.Length);
            products[i] = new ProductRow
            {
                Id = i + 1, SupplierId = supplier + 1,
                LeadTimeDays = rng.NextDouble() < 0.6 ? null : rng.Next(3, 61),
                UnitPrice = Math.Round((decimal)(1 + rng.NextDouble() * rng.NextDouble() * 500), 2),
            };
        }

        // Open lines per product.
        var counts = LinesPerProduct(scale, rng, out var hot10k, out var hot1k);

        // Customers.
        var customers = new CustomerRow[Math.Max(200, scale.OpenLines / 50)];
        for (var i = 0; i < customers.Length; i++)
        {
            var r = rng.NextDouble();
            customers[i] = new CustomerRow
            {
                Id = i + 1, Tier = r < 0.1 ? 1 : r < 0.3 ? 2 : r < 0.7 ? 3 : r < 0.9 ? 4 : 5,
                ShipCompleteDefault = rng.NextDouble() < 0.1,
            };
        }

        // Orders and lines: every open line is a slot for its product; slots shuffled, then cut into orders.
        var slots = new int[scale.OpenLines];
        var k = 0;
        for (var p = 1; p <= products.Length; p++)
            for (var c = 0; c < counts[p - 1]; c++) slots[k++] = p;
        Shuffle(slots, rng);
        var closedLines = scale.OpenLines / 10;
        var closedSlots = new int[closedLines];
        for (var i = 0; i < closedSlots.Length; i++) closedSlots[i] = rng.Next(1, products.Length + 1);

        var orders = new List<OrderRow>(scale.OpenLines / 2);
        var lines = new LineRow[scale.OpenLines + closedLines];
        var lineCount = 0;
        void Cut(int[] productSlots, bool closed)
        {
            for (var at = 0; at < productSlots.Length;)
            {
                var size = Math.Min(OrderSize(rng), productSlots.Length - at);
                var customer = customers[rng.Next(customers.Length)];
                var placedSinceLastRun = !closed && rng.NextDouble() < 0.02;
                var placedAt = placedSinceLastRun
                    ? previousRun.AddMinutes(rng.Next(1, 3 * 24 * 60 - 60))
                    : previousRun.AddMinutes(-rng.Next(0, (closed ? 180 : 90) * 24 * 60));
                placedAt = new DateTimeOffset(placedAt.Ticks - placedAt.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
                var order = new OrderRow
                {
                    Id = orders.Count + 1, CustomerId = customer.Id, PlacedAt = placedAt,
                    RequestedShipDate = rng.NextDouble() < 0.4 ? DateOnly.FromDateTime(placedAt.UtcDateTime).AddDays(rng.Next(2, 41)) : null,
                    ShipComplete = customer.ShipCompleteDefault,
                    Expedite = !closed && rng.NextDouble() < 0.03,
                    OnHold = !closed && rng.NextDouble() < 0.02,
                    PlacedSinceLastRun = placedSinceLastRun,
                };
                var anyShipped = false;
                for (var n = 1; n <= size; n++, at++)
                {
                    var productId = productSlots[at];
                    var ordered = rng.NextDouble() < 0.05 ? rng.Next(20, 201) : rng.Next(1, 21);
                    int shipped = 0, cancelled = 0;
                    if (closed) shipped = ordered;
                    else if (!placedSinceLastRun && ordered > 2 && rng.NextDouble() < 0.08) shipped = rng.Next(1, ordered - 1);
                    else if (!placedSinceLastRun && ordered > 2 && rng.NextDouble() < 0.02) cancelled = rng.Next(1, ordered - 1);
                    anyShipped |= shipped > 0;
                    lines[lineCount] = new LineRow
                    {
                        Id = lineCount + 1, OrderId = order.Id, LineNumber = n, ProductId = productId,
                        UnitPrice = products[productId - 1].UnitPrice, Ordered = ordered, Shipped = shipped, Cancelled = cancelled,
                        NotifiedShipped = shipped, NotifiedCancelled = cancelled,
                    };
                    lineCount++;
                }

                order.Status = (int)(closed ? OrderStatus.Shipped : order.OnHold ? OrderStatus.OnHold
                    : anyShipped ? OrderStatus.PartiallyShipped : OrderStatus.Open);
                orders.Add(order);
            }
        }

        Cut(slots, closed: false);
        Cut(closedSlots, closed: true);

        // Stock: short for a third of the products (and for the hot ones), enough for the rest.
        var demand = new int[products.Length + 1];
        foreach (ref readonly var l in lines.AsSpan())
            if (!orders[l.OrderId - 1].PlacedSinceLastRun) demand[l.ProductId] += l.Backordered;
        var stock = new StockRow[products.Length];
        var shortProduct = new bool[products.Length + 1];
        for (var i = 0; i < stock.Length; i++)
        {
            var p = i + 1;
            shortProduct[p] = p == hot10k || p == hot1k || rng.NextDouble() < 1.0 / 3;
            var onHand = shortProduct[p]
                ? (int)(demand[p] * rng.NextDouble() * (p == hot10k || p == hot1k ? 0.1 : 0.8))
                : demand[p] + rng.Next(0, demand[p] / 2 + 11);
            stock[i] = new StockRow { Id = p, ProductId = p, OnHand = onHand };
        }

        var (purchaseOrders, poLines) = Supply(scale, rng, products, suppliers, counts, shortProduct, hot10k, hot1k, today);

        var data = new DataSet
        {
            Scale = scale, State = state, Now = Now, Holidays = Holidays, Suppliers = suppliers, Products = products, Stock = stock,
            Customers = customers, Orders = orders.ToArray(), Lines = lines, PurchaseOrders = purchaseOrders, PoLines = poLines,
            PendingProducts = [], Hot10k = hot10k, Hot1k = hot1k,
        };
        if (state == "fresh")
            return data;

        // Friday's run, over the orders placed before it.
        PreviousRun(data, DateOnly.FromDateTime(previousRun.UtcDateTime));

        // Since then: receipts for 10% of the products (the earliest open PO line arrives in full).
        var pending = new List<int>();
        var firstOpen = new Dictionary<int, int>();
        for (var i = 0; i < poLines.Length; i++)
        {
            var pid = poLines[i].ProductId;
            if (!firstOpen.TryGetValue(pid, out var j) || Earlier(poLines[i], poLines[j])) firstOpen[pid] = i;
        }

        foreach (var (pid, i) in firstOpen.OrderBy(f => f.Key))
        {
            if (pid == hot10k || pid == hot1k || rng.NextDouble() >= 0.12) continue;
            ref var po = ref poLines[i];
            stock[pid - 1].OnHand += po.Ordered - po.Received;
            po.Received = po.Ordered;
            pending.Add(pid);
        }

        return new DataSet
        {
            Scale = scale, State = state, Now = Now, Holidays = Holidays, Suppliers = suppliers, Products = products, Stock = stock,
            Customers = customers, Orders = data.Orders, Lines = lines, PurchaseOrders = purchaseOrders, PoLines = poLines,
            PendingProducts = pending.ToArray(), Hot10k = hot10k, Hot1k = hot1k,
        };
    }

    private static bool Earlier(PoLineRow a, PoLineRow b) =>
        a.ExpectedDate != b.ExpectedDate ? a.ExpectedDate < b.ExpectedDate : a.PurchaseOrderId != b.PurchaseOrderId ? a.PurchaseOrderId < b.PurchaseOrderId : a.Id < b.Id;

    // The engine's own result applied as the service would have written it.
    private static void PreviousRun(DataSet data, DateOnly day)
    {
        var pools = Pools.Build(data, orderId => !data.Orders[orderId - 1].PlacedSinceLastRun);
        var calendar = data.Calendar;
        var results = new PoolRunResult[pools.Snapshots.Length];
        Parallel.For(0, results.Length, i =>
            results[i] = PoolEngine.Run(pools.Snapshots[i], day, calendar, EtaSettings.Default, NoticeSettings.Default));
        for (var i = 0; i < results.Length; i++)
        {
            var allocated = 0;
            foreach (var eta in results[i].Etas)
            {
                ref var l = ref data.Lines[eta.LineId - 1];
                (l.EtaDate, l.EtaBasis, l.EtaOverdue, l.EtaPurchaseOrderId, l.EtaNote) = (StoredEta.ToStore(eta.EtaDate, eta.Basis, eta.Overdue), eta.Basis, eta.Overdue, eta.CoveringPoId, eta.Explanation);
                l.Version = 1;
            }

            foreach (var change in results[i].Changes)
            {
                ref var l = ref data.Lines[change.LineId - 1];
                if (change.Added != 0) l.AllocationNote = change.Allocation.Explanation;
                l.Allocated = change.AllocatedAfter;
                var n = change.Notified;
                (l.NotifiedBackordered, l.NotifiedEtaDate, l.NotifiedEtaBasis, l.NotifiedShipped, l.NotifiedCancelled) =
                    (n.Backordered, n.EtaDate, n.Basis, n.Shipped, n.Cancelled);
            }

            foreach (var line in pools.Snapshots[i].Lines) allocated += data.Lines[line.LineId - 1].Allocated;
            data.Stock[pools.ProductIds[i] - 1].Allocated = allocated;
        }
    }

    private static int[] LinesPerProduct(Scale scale, Random rng, out int hot10k, out int hot1k)
    {
        var counts = new int[scale.Products];
        var fixedLines = 0;
        hot10k = hot1k = 0;
        if (scale.HotProducts)
        {
            (hot10k, hot1k) = (1, 2);
            counts[0] = Scale.HotLines10k;
            counts[1] = Scale.HotLines1k;
            fixedLines = Scale.HotLines10k + Scale.HotLines1k;
        }

        var firstNormal = scale.HotProducts ? 2 : 0;
        var big = Math.Max(1, scale.Products / 1000);
        for (var i = 0; i < big; i++)
        {
            var p = firstNormal + 1 + i * ((scale.Products - firstNormal - 1) / big);
            counts[p] = Math.Min(rng.Next(1_000, 5_001), scale.OpenLines / (4 * big));
            fixedLines += counts[p];
        }

        var normal = Enumerable.Range(firstNormal, scale.Products - firstNormal).Where(p => counts[p] == 0).ToArray();
        var mean = (double)(scale.OpenLines - fixedLines) / normal.Length;
        var total = fixedLines;
        foreach (var p in normal)
        {
            counts[p] = 1 + (int)(-Math.Log(1 - rng.NextDouble()) * (mean - 1));
            total += counts[p];
        }

        // Nudge random ordinary products until the total is exact.
        while (total != scale.OpenLines)
        {
            var p = normal[rng.Next(normal.Length)];
            if (total < scale.OpenLines) { counts[p]++; total++; }
            else if (counts[p] > 1) { counts[p]--; total--; }
        }

        return counts;
    }

    private static (PurchaseOrderRow[], PoLineRow[]) Supply(
        Scale scale, Random rng, ProductRow[] products, SupplierRow[] suppliers, int[] counts, bool[] shortProduct,
        int hot10k, int hot1k, DateOnly today)
    {
        // How many PO lines each product gets: none for 15%, else weighted by demand (short products more).
        var weights = new double[products.Length];
        var perProduct = new int[products.Length];
        for (var i = 0; i < products.Length; i++)
        {
            var p = i + 1;
            if (p == hot10k || p == hot1k) continue;
            if (rng.NextDouble() < 0.15) continue;
            weights[i] = (1 + Math.Sqrt(counts[i])) * (shortProduct[p] ? 3 : 1);
        }

        var reserved = (hot10k > 0 ? 60 : 0) + (hot1k > 0 ? 30 : 0);
        var sum = weights.Sum();
        var assigned = reserved;
        for (var i = 0; i < products.Length; i++)
        {
            perProduct[i] = (int)(weights[i] / sum * (scale.PoLines - reserved));
            assigned += perProduct[i];
        }

        var withWeight = Enumerable.Range(0, products.Length).Where(i => weights[i] > 0).ToArray();
        while (assigned < scale.PoLines)
        {
            perProduct[withWeight[rng.Next(withWeight.Length)]]++;
            assigned++;
        }

        if (hot10k > 0) perProduct[hot10k - 1] = 60;
        if (hot1k > 0) perProduct[hot1k - 1] = 30;

        // Group each supplier's lines into POs of 1–8 lines; a PO's lines share its expected date (± 3 days).
        var bySupplier = new List<int>[suppliers.Length];
        for (var i = 0; i < bySupplier.Length; i++) bySupplier[i] = [];
        for (var i = 0; i < products.Length; i++)
            for (var c = 0; c < perProduct[i]; c++) bySupplier[products[i].SupplierId - 1].Add(i + 1);

        var orders = new List<PurchaseOrderRow>(scale.PoLines / 4);
        var lines = new PoLineRow[scale.PoLines];
        var n = 0;
        for (var s = 0; s < suppliers.Length; s++)
        {
            var list = bySupplier[s].ToArray();
            Shuffle(list, rng);
            for (var at = 0; at < list.Length;)
            {
                var po = new PurchaseOrderRow { Id = orders.Count + 1, SupplierId = s + 1, CreatedAt = Now.AddDays(-rng.Next(1, 60)) };
                orders.Add(po);
                var expected = rng.NextDouble() < 1.0 / 7 ? today.AddDays(-rng.Next(1, 15)) : today.AddDays(rng.Next(0, 61));
                var size = Math.Min(rng.Next(1, 9), list.Length - at);
                for (var ln = 1; ln <= size; ln++, at++)
                {
                    var productId = list[at];
                    var hot = productId == hot10k || productId == hot1k;
                    var ordered = hot ? rng.Next(100, 301) : rng.Next(10, 501);
                    lines[n] = new PoLineRow
                    {
                        Id = n + 1, PurchaseOrderId = po.Id, LineNumber = ln, ProductId = productId, Ordered = ordered,
                        Received = !hot && rng.NextDouble() < 0.1 ? rng.Next(1, ordered) : 0,
                        ExpectedDate = hot ? today.AddDays(rng.Next(1, 61)) : expected.AddDays(rng.Next(-3, 4)),
                        UnitCost = Math.Round(products[productId - 1].UnitPrice * 0.6m, 2),
                    };
                    n++;
                }
            }
        }

        return (orders.ToArray(), lines[..n]);
    }

    private static int OrderSize(Random rng)
    {
        var r = rng.NextDouble();
        return r < 0.35 ? 1 : r < 0.6 ? 2 : r < 0.75 ? 3 : r < 0.85 ? 4 : rng.Next(5, 9);
    }

    private static void Shuffle(int[] a, Random rng)
    {
        for (var i = a.Length - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (a[i], a[j]) = (a[j], a[i]);
        }
    }
}
