using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Benchmarks.Data;
using Portal.Data;
using Portal.Features.Allocation;
using Portal.Features.Common;
using Portal.Features.Purchasing;
using Portal.Features.Purchasing.PurchaseOrders;
using Portal.Features.Purchasing.Shortages;
using Portal.Features.Sales;
using Portal.Features.Sales.Backorders;
using Portal.Features.Sales.OrderEntry;
using Portal.Features.Sales.Orders;
using Portal.Features.Warehouse;
using Portal.Features.Warehouse.Adjustments;
using StockRow = Portal.Features.Warehouse.Adjustments.StockRow;
using Portal.Features.Warehouse.Picking;
using Portal.Features.Warehouse.Receiving;

namespace Portal.Benchmarks.Lists;

/// <summary>
/// Every server-paged list, with every sort and filter its page offers, asked the way the page asks: through the same
/// public service, the page's page size, the first page counted, paging under unchanged filters passing the count it has
/// where the page does. Deep (the middle) and last pages are worked out from the first page's total.
/// </summary>
public static class ListCases
{
    public static async Task<IReadOnlyList<ListCase>> BuildAsync(IDbContextFactory<PortalDbContext> factory, TimeProvider clock, DataSet data)
    {
        var cases = new List<ListCase>();
        // Listing never schedules anything: a scheduler without a job client is enough for the services that also write.
        var scheduler = new AllocationScheduler(null!, NullLogger<AllocationScheduler>.Instance);
        const int supplierId = 12, customerId = 1;
        var today = data.Today;

        // Shortage board (25 a page): the page counts once per filter and keeps the count while it sorts and pages.
        var board = new ShortageBoardQueries(factory, clock);
        var boardTotal = (await board.ListAsync(new ShortageFilter(), new PageRequest(0, 25))).Total;
        cases.Add(Case("shortage board", "first page (default: uncovered, value), counted", c => board.ListAsync(new(), new(0, 25), null, c)));
        foreach (var sort in new[] { ShortageSort.Sku, ShortageSort.Product, ShortageSort.Supplier, ShortageSort.Warehouse, ShortageSort.Backordered,
                     ShortageSort.Available, ShortageSort.OnOrder, ShortageSort.Uncovered, ShortageSort.NeedDate, ShortageSort.Customers,
                     ShortageSort.ValueAtRisk, ShortageSort.NextPoDate })
        {
            cases.Add(Case("shortage board", $"sort {sort}", c => board.ListAsync(new(), new(0, 25, sort), boardTotal, c)));
            cases.Add(Case("shortage board", $"sort {sort} desc", c => board.ListAsync(new(), new(0, 25, sort, true), boardTotal, c)));
        }

        cases.Add(Case("shortage board", "search \"SKU-0012\", counted", c => board.ListAsync(new("SKU-0012"), new(0, 25), null, c)));
        cases.Add(Case("shortage board", "search \"product 4711\", counted", c => board.ListAsync(new("product 4711"), new(0, 25), null, c)));
        cases.Add(Case("shortage board", $"supplier {supplierId}, counted", c => board.ListAsync(new(SupplierId: supplierId), new(0, 25), null, c)));
        cases.Add(Case("shortage board", "uncovered only, counted", c => board.ListAsync(new(UncoveredOnly: true), new(0, 25), null, c)));
        cases.Add(Case("shortage board", "deep page (middle)", c => board.ListAsync(new(), new(Middle(boardTotal, 25), 25), boardTotal, c)));
        cases.Add(Case("shortage board", "last page", c => board.ListAsync(new(), new(Last(boardTotal, 25), 25), boardTotal, c)));
        cases.Add(Case("shortage board", "last page sorted by SKU", c => board.ListAsync(new(), new(Last(boardTotal, 25), 25, ShortageSort.Sku), boardTotal, c)));

        // The drill-in's waiting lines (15 a page) for the product with 10,000 lines.
        if (data.Hot10k != 0)
        {
            var hot = data.Hot10k;
            var waitingTotal = (await board.WaitingLinesAsync(hot, new PageRequest(0, 15))).Total;
            cases.Add(Case("shortage drill-in: waiting lines (10,000)", "first page (priority)", c => board.WaitingLinesAsync(hot, new(0, 15), c)));
            foreach (var sort in new[] { WaitingLineSort.Customer, WaitingLineSort.Placed, WaitingLineSort.Backordered, WaitingLineSort.Eta })
                cases.Add(Case("shortage drill-in: waiting lines (10,000)", $"sort {sort}", c => board.WaitingLinesAsync(hot, new(0, 15, sort), c)));
            cases.Add(Case("shortage drill-in: waiting lines (10,000)", "last page", c => board.WaitingLinesAsync(hot, new(Last(waitingTotal, 15), 15), c)));
        }

        // Purchasing home: headline figures and the ten biggest shortages.
        var overview = new PurchasingOverviewService(factory, board, clock);
        cases.Add(new ListCase("purchasing home", "figures and top 10", async c => ((await overview.GetAsync(c)).TopShortages.Count, 0)));

        // Pick list (25 orders a page).
        var picking = new PickingService(factory, scheduler, clock);
        var pickTotal = (await picking.PickListAsync(new PickListFilter(), new PageRequest(0, 25))).Total;
        cases.Add(Case("pick list", "first page (priority)", c => picking.PickListAsync(new(), new(0, 25), c)));
        foreach (var sort in new[] { PickListSort.Order, PickListSort.Customer, PickListSort.ShipBy })
        {
            cases.Add(Case("pick list", $"sort {sort}", c => picking.PickListAsync(new(), new(0, 25, sort), c)));
            cases.Add(Case("pick list", $"sort {sort} desc", c => picking.PickListAsync(new(), new(0, 25, sort, true), c)));
        }

        cases.Add(Case("pick list", "search customer \"C000123\"", c => picking.PickListAsync(new("C000123"), new(0, 25), c)));
        cases.Add(Case("pick list", "search SKU \"SKU-000123\"", c => picking.PickListAsync(new("SKU-000123"), new(0, 25), c)));
        cases.Add(Case("pick list", "ship by today", c => picking.PickListAsync(new(ShipBy: today), new(0, 25), c)));
        cases.Add(Case("pick list", "deep page (middle)", c => picking.PickListAsync(new(), new(Middle(pickTotal, 25), 25), c)));
        cases.Add(Case("pick list", "last page", c => picking.PickListAsync(new(), new(Last(pickTotal, 25), 25), c)));

        // Purchase orders (25 lines a page; the page has no column sorts, only the status filter and search).
        var purchaseOrders = new PurchaseOrderQueries(factory, clock);
        var poTotal = (await purchaseOrders.LinesAsync(null, PoStatusFilter.Open, new PageRequest(0, 25))).Total;
        cases.Add(Case("purchase orders", "open (default)", c => purchaseOrders.LinesAsync(null, PoStatusFilter.Open, new(0, 25), c)));
        cases.Add(Case("purchase orders", "all statuses", c => purchaseOrders.LinesAsync(null, PoStatusFilter.All, new(0, 25), c)));
        cases.Add(Case("purchase orders", "received", c => purchaseOrders.LinesAsync(null, PoStatusFilter.Received, new(0, 25), c)));
        cases.Add(Case("purchase orders", "search PO \"PO-001234\"", c => purchaseOrders.LinesAsync("PO-001234", PoStatusFilter.Open, new(0, 25), c)));
        cases.Add(Case("purchase orders", "search SKU \"SKU-00012\"", c => purchaseOrders.LinesAsync("SKU-00012", PoStatusFilter.Open, new(0, 25), c)));
        cases.Add(Case("purchase orders", $"search supplier \"Supplier {supplierId}\"", c => purchaseOrders.LinesAsync($"Supplier {supplierId}", PoStatusFilter.Open, new(0, 25), c)));
        cases.Add(Case("purchase orders", "deep page (middle)", c => purchaseOrders.LinesAsync(null, PoStatusFilter.Open, new(Middle(poTotal, 25), 25), c)));
        cases.Add(Case("purchase orders", "last page", c => purchaseOrders.LinesAsync(null, PoStatusFilter.Open, new(Last(poTotal, 25), 25), c)));

        // Backorders board (25 lines a page).
        var backorders = new BackorderService(factory, clock);
        var boTotal = (await backorders.ListAsync(new BackorderFilter(), new PageRequest(0, 25))).Total;
        cases.Add(Case("backorders board", "first page (oldest first)", c => backorders.ListAsync(new(), new(0, 25), c)));
        foreach (var sort in new[] { BackorderSort.Customer, BackorderSort.Order, BackorderSort.Product, BackorderSort.Quantity, BackorderSort.Age,
                     BackorderSort.Eta, BackorderSort.Value, BackorderSort.PurchaseOrder })
        {
            cases.Add(Case("backorders board", $"sort {sort}", c => backorders.ListAsync(new(), new(0, 25, sort), c)));
            cases.Add(Case("backorders board", $"sort {sort} desc", c => backorders.ListAsync(new(), new(0, 25, sort, true), c)));
        }

        cases.Add(Case("backorders board", "rep", c => backorders.ListAsync(new(SalesRep: "rep@portal.example"), new(0, 25), c)));
        cases.Add(Case("backorders board", $"customer {customerId}", c => backorders.ListAsync(new(CustomerId: customerId), new(0, 25), c)));
        if (data.Hot10k != 0)
            cases.Add(Case("backorders board", "product with 10,000 lines", c => backorders.ListAsync(new(ProductId: data.Hot10k), new(0, 25), c)));
        cases.Add(Case("backorders board", "ETA in the next 14 days", c => backorders.ListAsync(new(EtaFrom: today, EtaTo: today.AddDays(14)), new(0, 25), c)));
        cases.Add(Case("backorders board", "no PO yet", c => backorders.ListAsync(new(NoPurchaseOrder: true), new(0, 25), c)));
        cases.Add(Case("backorders board", "deep page (middle)", c => backorders.ListAsync(new(), new(Middle(boTotal, 25), 25), c)));
        cases.Add(Case("backorders board", "last page", c => backorders.ListAsync(new(), new(Last(boTotal, 25), 25), c)));

        // Orders (25 a page).
        var orders = new OrderListService(factory, clock);
        var orderTotal = (await orders.ListAsync(new OrderFilter(), new PageRequest(0, 25))).Total;
        var allTotal = (await orders.ListAsync(new OrderFilter(OrderStatusFilter.All), new PageRequest(0, 25))).Total;
        cases.Add(Case("orders", "active (default, newest first)", c => orders.ListAsync(new(), new(0, 25), c)));
        foreach (var sort in new[] { OrderSort.Number, OrderSort.PlacedAt, OrderSort.Customer, OrderSort.Status, OrderSort.Rep, OrderSort.Requested })
        {
            cases.Add(Case("orders", $"sort {sort}", c => orders.ListAsync(new(), new(0, 25, sort), c)));
            cases.Add(Case("orders", $"sort {sort} desc", c => orders.ListAsync(new(), new(0, 25, sort, true), c)));
        }

        foreach (var status in Enum.GetValues<OrderStatusFilter>().Where(s => s != OrderStatusFilter.Active))
            cases.Add(Case("orders", $"status {status}", c => orders.ListAsync(new(status), new(0, 25), c)));
        cases.Add(Case("orders", "with backorders", c => orders.ListAsync(new(BackorderedOnly: true), new(0, 25), c)));
        cases.Add(Case("orders", $"customer {customerId}", c => orders.ListAsync(new(CustomerId: customerId), new(0, 25), c)));
        cases.Add(Case("orders", "rep", c => orders.ListAsync(new(SalesRep: "rep@portal.example"), new(0, 25), c)));
        cases.Add(Case("orders", "placed in the last 7 days", c => orders.ListAsync(new(PlacedFrom: today.AddDays(-7), PlacedTo: today), new(0, 25), c)));
        cases.Add(Case("orders", "deep page (middle)", c => orders.ListAsync(new(), new(Middle(orderTotal, 25), 25), c)));
        cases.Add(Case("orders", "last page", c => orders.ListAsync(new(), new(Last(orderTotal, 25), 25), c)));
        cases.Add(Case("orders", "last page, all statuses", c => orders.ListAsync(new(OrderStatusFilter.All), new(Last(allTotal, 25), 25), c)));

        // Receiving (25 lines a page).
        var receiving = new ReceivingService(factory, scheduler, clock);
        var receivingTotal = (await receiving.OpenLinesAsync(null, new PageRequest(0, 25))).Total;
        cases.Add(Case("receiving", "first page (earliest expected)", c => receiving.OpenLinesAsync(null, new(0, 25), c)));
        foreach (var sort in new[] { nameof(OpenPoLine.PurchaseOrderNumber), nameof(OpenPoLine.Supplier), nameof(OpenPoLine.Sku), nameof(OpenPoLine.Open), nameof(OpenPoLine.ExpectedDate) })
        {
            cases.Add(Case("receiving", $"sort {sort}", c => receiving.OpenLinesAsync(null, new(0, 25, sort), c)));
            cases.Add(Case("receiving", $"sort {sort} desc", c => receiving.OpenLinesAsync(null, new(0, 25, sort, true), c)));
        }

        cases.Add(Case("receiving", "search SKU \"SKU-00012\"", c => receiving.OpenLinesAsync("SKU-00012", new(0, 25), c)));
        cases.Add(Case("receiving", "search PO \"PO-001234\"", c => receiving.OpenLinesAsync("PO-001234", new(0, 25), c)));
        cases.Add(Case("receiving", "deep page (middle)", c => receiving.OpenLinesAsync(null, new(Middle(receivingTotal, 25), 25), c)));
        cases.Add(Case("receiving", "last page", c => receiving.OpenLinesAsync(null, new(Last(receivingTotal, 25), 25), c)));

        // The Sales and Warehouse homes: their headline figures and short lists.
        var sales = new SalesOverviewService(factory, clock);
        cases.Add(new ListCase("sales home", "figures and oldest 10", async c => ((await sales.GetAsync(c)).OldestBackorders.Count, 0)));
        var warehouse = new WarehouseOverviewService(factory, receiving, clock);
        cases.Add(new ListCase("warehouse home", "figures and next 10 arrivals", async c => ((await warehouse.GetAsync(c)).NextArrivals.Count, 0)));

        // Stock adjustments (25 a page): every product in every warehouse.
        var adjustments = new StockAdjustmentService(factory, scheduler, clock);
        var stockTotal = (await adjustments.ListAsync(null, new PageRequest(0, 25))).Total;
        cases.Add(Case("adjustments", "first page (SKU)", c => adjustments.ListAsync(null, new(0, 25), c)));
        foreach (var sort in new[] { nameof(StockRow.Sku), nameof(StockRow.Warehouse), nameof(StockRow.OnHand), nameof(StockRow.Allocated), nameof(StockRow.Available) })
        {
            cases.Add(Case("adjustments", $"sort {sort}", c => adjustments.ListAsync(null, new(0, 25, sort), c)));
            cases.Add(Case("adjustments", $"sort {sort} desc", c => adjustments.ListAsync(null, new(0, 25, sort, true), c)));
        }

        cases.Add(Case("adjustments", "search \"SKU-0012\"", c => adjustments.ListAsync("SKU-0012", new(0, 25), c)));
        cases.Add(Case("adjustments", "deep page (middle)", c => adjustments.ListAsync(null, new(Middle(stockTotal, 25), 25), c)));
        cases.Add(Case("adjustments", "last page", c => adjustments.ListAsync(null, new(Last(stockTotal, 25), 25), c)));

        // Order entry: the promise preview for one line of the product with 10,000 (and 1,000) waiting lines.
        var entry = new OrderEntryService(factory, null!, scheduler, clock, NullLogger<OrderEntryService>.Instance);
        foreach (var (product, size) in new[] { (data.Hot10k, "10,000"), (data.Hot1k, "1,000") }.Where(p => p.Item1 != 0))
        {
            var draft = new OrderDraft(customerId, DataSet.WarehouseId, false, null, null, [new DraftLine(1, product, 5)]);
            cases.Add(new ListCase("order-entry promise", $"product with {size} lines", async c => ((await entry.PreviewAsync(draft, c)).Lines.Count, 0)));
        }

        return cases;
    }

    private static ListCase Case<T>(string list, string request, Func<CancellationToken, Task<Page<T>>> run) =>
        new(list, request, async c =>
        {
            var page = await run(c);
            return (page.Rows.Count, page.Total);
        });

    private static int Middle(int total, int size) => total / 2 / size * size;

    private static int Last(int total, int size) => Math.Max(0, (total - 1) / size * size);
}
