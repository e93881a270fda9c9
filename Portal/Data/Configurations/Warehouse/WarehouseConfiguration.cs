using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Data.Configurations.Warehouse;

internal sealed class WarehouseConfiguration : IEntityTypeConfiguration<Domain.Warehouse.Warehouse>
{
    public void Configure(EntityTypeBuilder<Domain.Warehouse.Warehouse> builder)
    {
        builder.HasVersion();
        builder.Property(w => w.Code).HasMaxLength(10);
        builder.Property(w => w.Name).HasMaxLength(100);
        builder.HasIndex(w => w.Code).IsUnique();
    }
}
