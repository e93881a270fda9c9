using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Purchasing;
using Portal.Domain.Warehouse;

namespace Portal.Data.Configurations.Warehouse;

internal sealed class ReceiptConfiguration : IEntityTypeConfiguration<Receipt>
{
    public void Configure(EntityTypeBuilder<Receipt> builder)
    {
        builder.HasVersion();
        builder.Property(r => r.ReceivedBy).HasMaxLength(256);
        builder.HasIndex(r => r.PurchaseOrderLineId);
        builder.HasIndex(r => r.ReceivedAt);
        builder.HasOne<PurchaseOrderLine>().WithMany().HasForeignKey(r => r.PurchaseOrderLineId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_Receipts_Quantity", "\"Quantity\" > 0"));
    }
}
