using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Catalog;

namespace Portal.Data.Configurations.Catalog;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.HasVersion();
        builder.Property(p => p.Sku).HasMaxLength(40);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.HasIndex(p => p.Sku).IsUnique();
        builder.HasIndex(p => p.Name);
        builder.HasOne(p => p.Supplier).WithMany().HasForeignKey(p => p.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_Products_UnitPrice", "\"UnitPrice\" >= 0"));
    }
}
