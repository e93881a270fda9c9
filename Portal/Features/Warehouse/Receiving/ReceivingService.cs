using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Admin;
using Portal.Domain.Common;
using Portal.Domain.Purchasing;
using Portal.Domain.Warehouse;
using Portal.Features.Allocation;
using Portal.Features.Common;

namespace Portal.Features.Warehouse.Receiving;

public sealed record OpenPoLine(
    int PurchaseOrderId, int LineNumber, string Supplier, int ProductId, string Sku, string Product, int Ordered, int Received, DateOnly ExpectedDate)
{
    public string PurchaseOrderNumber => PurchaseOrder.Format(PurchaseOrderId);
    public int Open => Ordered - Received;
}

/// <summary>
/// Goods in: a receipt adds to stock, closes what it fills on the purchase order and marks the product for
/// allocation in one transaction; the allocation run is requested once it has committed.
/// </summary>
public sealed class ReceivingService(IDbContextFactory<PortalDbContext> dbFactory, AllocationScheduler scheduler, TimeProvider clock)
{
    /// <summary>
    /// Open lines of open purchase orders, a page at a time: earliest expected first unless a column is asked for; the
    /// PO and line number break ties, so pages never overlap.
    /// </summary>
    public async Task<Page<OpenPoLine>> OpenLinesAsync(string? search, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.PurchaseOrderLines.AsNoTracking()
            .Where(l => l.Order.Status == PurchaseOrderStatus.Open && l.Ordered > l.Received + l.Cancelled)
            .Join(db.Products, l => l.ProductId, p => p.Id, (l, p) => new { Line = l, Product = p });
        if (!string.IsNullOrWhiteSpace(search))
        {
            var matching = MatchingLines(db, search);
            query = query.Where(x => matching.Contains(x.Line.Id));
        }

        var count = await Counting.CountAsync(query, cancellationToken);
        var d = page.Descending;
        var sorted = page.SortBy switch
        {
            nameof(OpenPoLine.PurchaseOrderNumber) => query.OrderBy(x => x.Line.PurchaseOrderId, d),
            nameof(OpenPoLine.Supplier) => query.OrderBy(x => x.Line.Order.Supplier.Name, d),
            nameof(OpenPoLine.Sku) => query.OrderBy(x => x.Product.Sku, d),
            nameof(OpenPoLine.Open) => query.OrderBy(x => x.Line.Ordered - x.Line.Cancelled - x.Line.Received, d),
            _ => query.OrderBy(x => x.Line.ExpectedDate, d),
        };
        var rows = await sorted.ThenBy(x => x.Line.PurchaseOrderId).ThenBy(x => x.Line.LineNumber).PageAsync(page, count, q => q
            .Select(x => new OpenPoLine(x.Line.PurchaseOrderId, x.Line.LineNumber, x.Line.Order.Supplier.Name, x.Product.Id, x.Product.Sku,
                x.Product.Name, x.Line.Ordered - x.Line.Cancelled, x.Line.Received, x.Line.ExpectedDate)), cancellationToken);
        return count.PageOf(rows);
    }

    /// <summary>
    /// The lines a search names: of the PO with that number, or of a product whose SKU or name holds it. Each part is
    /// read through its own index and the parts joined, so a search never tests every open line.
    /// </summary>
    private static IQueryable<int> MatchingLines(PortalDbContext db, string search)
    {
        var term = search.Trim().ToUpperInvariant();
        var poId = PurchaseOrder.TryParseNumber(term, out var id) ? id : -1;
        var products = db.Products.Where(p => p.Sku.Contains(term) || p.Name.ToUpper().Contains(term)).Select(p => p.Id);
        return db.PurchaseOrderLines.Where(l => l.PurchaseOrderId == poId).Select(l => l.Id)
            .Concat(db.PurchaseOrderLines.Where(l => products.Contains(l.ProductId)).Select(l => l.Id));
    }

    /// <summary>Receives <paramref name="quantity"/> on a PO line; returns null when done, or why it was refused.</summary>
    public Task<string?> ReceiveAsync(int purchaseOrderId, int lineNumber, int quantity, string user, CancellationToken cancellationToken = default) =>
        dbFactory.CommitAndAllocateAsync(scheduler, clock, async db =>
        {
            var order = await db.PurchaseOrders.Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == purchaseOrderId, cancellationToken)
                ?? throw new DomainException($"There is no purchase order {PurchaseOrder.Format(purchaseOrderId)}.");
            var line = order.Line(lineNumber);
            order.Receive(lineNumber, quantity);

            var stock = await db.StockLevels.SingleOrDefaultAsync(s => s.ProductId == line.ProductId && s.WarehouseId == order.WarehouseId, cancellationToken);
            if (stock is null)
            {
                stock = new StockLevel(line.ProductId, order.WarehouseId);
                db.StockLevels.Add(stock);
            }

            stock.Receive(quantity);
            var now = clock.GetUtcNow();
            db.Receipts.Add(new Receipt(line.Id, quantity, user, now));
            db.AuditEvents.Add(new AuditEvent(now, user, "PurchaseOrder", order.Number, "Received", $"Line {lineNumber}: {quantity} units"));
            return new AllocatingChange([line.ProductId], $"Receipt on {order.Number}");
        }, cancellationToken);
}
