using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Catalog;
using Portal.Domain.Warehouse;

namespace Portal.Data.Configurations.Warehouse;

internal sealed class StockAdjustmentConfiguration : IEntityTypeConfiguration<StockAdjustment>
{
    public void Configure(EntityTypeBuilder<StockAdjustment> builder)
    {
        builder.HasVersion();
        builder.Property(a => a.Reason).HasMaxLength(200);
        builder.Property(a => a.AdjustedBy).HasMaxLength(256);
        builder.HasIndex(a => new { a.ProductId, a.AdjustedAt });
        builder.HasOne<Product>().WithMany().HasForeignKey(a => a.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Warehouse.Warehouse>().WithMany().HasForeignKey(a => a.WarehouseId).OnDelete(DeleteBehavior.Restrict);
    }
}
