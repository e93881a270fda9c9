using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Catalog;

namespace Portal.Data.Configurations.Catalog;

internal sealed class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> builder)
    {
        builder.HasVersion();
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Email).HasMaxLength(254);
        builder.HasIndex(s => s.Name);
    }
}
