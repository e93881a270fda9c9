using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Sales;

namespace Portal.Features.Sales.OrderEntry;

/// <summary>
/// Turns a draft into a sales order through the domain's own constructor and AddLine, so the same rules refuse a bad
/// order here as anywhere: each refusal names the line and says what to fix.
/// </summary>
internal static class OrderBuilder
{
    public static async Task<SalesOrder> BuildAsync(PortalDbContext db, OrderDraft draft, string user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (draft.CustomerId is not { } customerId)
        {
            throw new DomainException("Pick a customer first.");
        }

        var customer = await db.Customers.SingleOrDefaultAsync(c => c.Id == customerId, cancellationToken)
            ?? throw new DomainException("That customer no longer exists.");
        if (draft.Lines.Count == 0)
        {
            throw new DomainException("Add at least one line.");
        }

        if (draft.RequestedShipDate is { } requested && requested < DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw new DomainException($"The requested ship date {OrderPreview.Day(requested)} is in the past.");
        }

        if (!await db.Warehouses.AnyAsync(w => w.Id == draft.WarehouseId, cancellationToken))
        {
            throw new DomainException("Pick the warehouse the order ships from.");
        }

        var ids = draft.Lines.Select(l => l.ProductId).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);

        // The rep who looks after the customer owns the order; whoever typed it is in the audit.
        var order = new SalesOrder(customer, draft.WarehouseId, customer.SalesRep ?? user, now,
            draft.RequestedShipDate, draft.ShipComplete, draft.CustomerReference);
        foreach (var line in draft.Lines)
        {
            if (!products.TryGetValue(line.ProductId, out var product))
            {
                throw new DomainException($"Line {line.LineNumber}: that product is unknown.");
            }

            if (!product.IsActive)
            {
                throw new DomainException($"Line {line.LineNumber}: {product.Sku} is no longer sold.");
            }

            try
            {
                order.AddLine(product.Id, line.Quantity, product.UnitPrice);
            }
            catch (DomainException e)
            {
                throw new DomainException($"Line {line.LineNumber} ({product.Sku}): {e.Message}");
            }
        }

        return order;
    }

    /// <summary>The audit line for a new order: its lines by SKU and how it ships.</summary>
    public static async Task<string> DescribeAsync(PortalDbContext db, SalesOrder order, CancellationToken cancellationToken)
    {
        var ids = order.Lines.Select(l => l.ProductId).ToList();
        var skus = await db.Products.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Sku, cancellationToken);
        var lines = string.Join(", ", order.Lines.Select(l => $"{skus[l.ProductId]} × {l.Ordered}"));
        return $"{order.Lines.Count} line(s): {lines}; ship complete {(order.ShipComplete ? "yes" : "no")}"
            + (order.RequestedShipDate is { } requested ? $"; requested {Show.Date(requested)}" : "");
    }
}
