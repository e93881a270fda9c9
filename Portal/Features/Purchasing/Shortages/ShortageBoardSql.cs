using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Purchasing.Shortages;

/// <summary>
/// The board's rows: the shortage figures the allocation run keeps per product and warehouse (ProductShortage), with the
/// product, supplier and warehouse they belong to. Filters, sorting and paging compose on top in LINQ; each figure the
/// board sorts on is indexed, so a page is read in order, not worked out from every waiting line.
/// </summary>
internal static class ShortageBoardSql
{
    public static IQueryable<ShortageRow> Query(PortalDbContext db) =>
        from s in db.ProductShortages.AsNoTracking()
        join p in db.Products on s.ProductId equals p.Id
        join w in db.Warehouses on s.WarehouseId equals w.Id
        select new ShortageRow
        {
            ProductId = s.ProductId, WarehouseId = s.WarehouseId, Warehouse = w.Code, Sku = p.Sku, Product = p.Name, SupplierId = p.SupplierId,
            Supplier = p.Supplier == null ? null : p.Supplier.Name, PackSize = p.PackSize,
            LeadTimeDays = p.LeadTimeDays ?? (p.Supplier == null ? null : p.Supplier.DefaultLeadTimeDays),
            Backordered = s.Backordered, Available = s.Available, OnOrder = s.OnOrder, Uncovered = s.Uncovered, NeedDate = s.NeedDate,
            Customers = s.Customers, ValueAtRisk = s.ValueAtRisk, NextPoDate = s.NextPoDate,
        };
}
