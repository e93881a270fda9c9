using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Catalog;
using Portal.Domain.Sales;

namespace Portal.Data.Configurations.Sales;

internal sealed class SalesOrderLineConfiguration : IEntityTypeConfiguration<SalesOrderLine>
{
    /// <summary>Lines that wait for stock: what the backorders board and the shortage drill-in list.</summary>
    public const string WaitingLineFilter = "\"Backordered\" > 0";

    /// <summary>
    /// Lines an allocation run must see: still waiting or reserved, or with news the customer has not been told
    /// (a shipment, a cancellation, a backorder now filled). Queries repeat it word for word so the partial index serves them.
    /// </summary>
    public const string ActiveLineFilter =
        "\"Backordered\" > 0 OR \"Allocated\" > 0 OR \"NotifiedBackordered\" > 0 OR \"NotifiedShipped\" <> \"Shipped\" OR \"NotifiedCancelled\" <> \"Cancelled\"";

    public void Configure(EntityTypeBuilder<SalesOrderLine> builder)
    {
        builder.HasVersion();
        builder.Ignore(l => l.Status);
        builder.Ignore(l => l.ValueAtRisk);
        builder.Ignore(l => l.LastNotified);
        builder.Property(l => l.EtaNote).HasMaxLength(500);
        builder.Property(l => l.AllocationNote).HasMaxLength(500);
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.SalesOrderId, l.LineNumber }).IsUnique();

        // An allocation run loads the active lines of one product (see ActiveLineFilter).
        builder.HasIndex(l => l.ProductId, "IX_SalesOrderLines_ProductId_Active").HasFilter(ActiveLineFilter);

        // The backorders board and the shortage drill-in read waiting lines only, a page at a time in the order asked for:
        // each sort and filter they offer has a partial index over the waiting lines, ending on the id that breaks ties.
        // The orders list's "with backorders" filter and the pick list's ship-complete rule find an order's waiting lines
        // through the order one; the pick list's "something allocated" its allocated lines through the last.
        builder.HasIndex(l => new { l.PlacedAt, l.Id }, "IX_SalesOrderLines_Waiting_PlacedAt").HasFilter(WaitingLineFilter);
        builder.HasIndex(l => new { l.ProductId, l.Id }, "IX_SalesOrderLines_Waiting_ProductId").HasFilter(WaitingLineFilter);
        builder.HasIndex(l => new { l.CustomerId, l.PlacedAt, l.Id }, "IX_SalesOrderLines_Waiting_CustomerId").HasFilter(WaitingLineFilter);
        builder.HasIndex(l => new { l.Backordered, l.Id }, "IX_SalesOrderLines_Waiting_Backordered").HasFilter(WaitingLineFilter);
        builder.HasIndex(l => new { l.EtaPurchaseOrderId, l.Id }, "IX_SalesOrderLines_Waiting_EtaPurchaseOrderId").HasFilter(WaitingLineFilter);
        // By date as read, earliest first: behind a late PO (stored as none, see StoredEta), then stored, then unknown.
        builder.HasIndex(l => new { l.EtaOverdue, l.EtaDate, l.Id }, "IX_SalesOrderLines_Waiting_Eta").IsDescending(true, false, false).HasFilter(WaitingLineFilter);
        builder.HasIndex(l => new { l.SalesOrderId, l.LineNumber }, "IX_SalesOrderLines_Waiting_SalesOrderId").HasFilter(WaitingLineFilter);
        builder.HasIndex(l => l.SalesOrderId, "IX_SalesOrderLines_Allocated_SalesOrderId").HasFilter("\"Allocated\" > 0");

        // The pick list's ship-complete rule looks for a waiting line among ship-complete orders' lines only (each line
        // carries its order's terms): PostgreSQL hashes the lines it may find, a tenth of the waiting ones.
        builder.HasIndex(l => l.SalesOrderId, "IX_SalesOrderLines_WaitingShipComplete_SalesOrderId").HasFilter("\"Backordered\" > 0 AND \"ShipComplete\"");

        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_SalesOrderLines_Quantities",
                "\"Ordered\" >= 0 AND \"Allocated\" >= 0 AND \"Shipped\" >= 0 AND \"Cancelled\" >= 0 AND \"Backordered\" >= 0");
            t.HasCheckConstraint("CK_SalesOrderLines_Backordered",
                "\"Backordered\" = \"Ordered\" - \"Allocated\" - \"Shipped\" - \"Cancelled\"");
        });
    }
}
