using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Catalog;
using Portal.Domain.Purchasing;

namespace Portal.Data.Configurations.Purchasing;

internal sealed class PurchaseOrderLineConfiguration : IEntityTypeConfiguration<PurchaseOrderLine>
{
    public void Configure(EntityTypeBuilder<PurchaseOrderLine> builder)
    {
        builder.HasVersion();
        builder.Ignore(l => l.Open);
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.PurchaseOrderId, l.LineNumber }).IsUnique();

        // Incoming supply of one product: the open lines only.
        builder.HasIndex(l => new { l.ProductId, l.ExpectedDate }, "IX_PurchaseOrderLines_ProductId_Open")
            .HasFilter("\"Ordered\" > \"Received\" + \"Cancelled\"");

        // Receiving, the purchase order list and the overdue count: open lines, earliest expected first.
        builder.HasIndex(l => new { l.ExpectedDate, l.PurchaseOrderId, l.LineNumber }, "IX_PurchaseOrderLines_ExpectedDate_Open")
            .HasFilter("\"Ordered\" > \"Received\" + \"Cancelled\"");
        builder.ToTable(t => t.HasCheckConstraint("CK_PurchaseOrderLines_Quantities",
            "\"Received\" >= 0 AND \"Cancelled\" >= 0 AND \"Received\" + \"Cancelled\" <= \"Ordered\""));
    }
}
