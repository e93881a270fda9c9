using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Allocation;
using Portal.Domain.Catalog;

namespace Portal.Data.Configurations.Allocation;

internal sealed class ProductShortageConfiguration : IEntityTypeConfiguration<ProductShortage>
{
    public void Configure(EntityTypeBuilder<ProductShortage> builder)
    {
        builder.HasKey(s => new { s.ProductId, s.WarehouseId });
        builder.HasOne<Product>().WithMany().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Domain.Warehouse.Warehouse>().WithMany().HasForeignKey(s => s.WarehouseId).OnDelete(DeleteBehavior.Cascade);

        // The shortage board sorts on every figure: an index each, so a page is read in order instead of sorting every
        // row (the default order, uncovered then value at risk, has its own pair). The table holds one row per short
        // product and warehouse, so these cost the allocation run little.
        builder.HasIndex(s => new { s.Uncovered, s.ValueAtRisk });
        builder.HasIndex(s => s.ValueAtRisk);
        builder.HasIndex(s => s.Backordered);
        builder.HasIndex(s => s.Available);
        builder.HasIndex(s => s.OnOrder);
        builder.HasIndex(s => s.NeedDate);
        builder.HasIndex(s => s.Customers);
        builder.HasIndex(s => s.NextPoDate);
    }
}
