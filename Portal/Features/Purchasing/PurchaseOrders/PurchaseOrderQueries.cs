using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Purchasing;

namespace Portal.Features.Purchasing.PurchaseOrders;

public sealed record PoLineRow(
    int PurchaseOrderId, int Version, int LineNumber, string Supplier, string Sku, string Product, int Ordered, int Received, int Cancelled,
    DateOnly ExpectedDate, PurchaseOrderStatus Status)
{
    public string Number => PurchaseOrder.Format(PurchaseOrderId);
    public int Open => Ordered - Received - Cancelled;
}

public sealed class PurchaseOrderQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>Open purchase order lines, earliest expected first, optionally narrowed by PO number, SKU or supplier.</summary>
    public async Task<(IReadOnlyList<PoLineRow> Rows, int Total)> OpenLinesAsync(string? search, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.PurchaseOrderLines.AsNoTracking()
            .Where(l => l.Order.Status == PurchaseOrderStatus.Open && l.Ordered > l.Received + l.Cancelled)
            .Join(db.Products, l => l.ProductId, p => p.Id, (l, p) => new { Line = l, Product = p });
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            var poId = term.StartsWith("PO-", StringComparison.Ordinal) && int.TryParse(term[3..], out var id) ? id : -1;
            query = query.Where(x => x.Line.PurchaseOrderId == poId || x.Product.Sku.Contains(term) || x.Line.Order.Supplier.Name.ToUpper().Contains(term));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(x => x.Line.ExpectedDate).ThenBy(x => x.Line.PurchaseOrderId).ThenBy(x => x.Line.LineNumber)
            .Skip(skip).Take(take)
            .Select(x => new PoLineRow(x.Line.PurchaseOrderId, x.Line.Order.Version, x.Line.LineNumber, x.Line.Order.Supplier.Name, x.Product.Sku,
                x.Product.Name, x.Line.Ordered, x.Line.Received, x.Line.Cancelled, x.Line.ExpectedDate, x.Line.Order.Status))
            .ToListAsync(cancellationToken);
        return (rows, total);
    }
}
