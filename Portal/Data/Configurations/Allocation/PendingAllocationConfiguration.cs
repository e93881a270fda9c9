using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Allocation;
using Portal.Domain.Catalog;

namespace Portal.Data.Configurations.Allocation;

internal sealed class PendingAllocationConfiguration : IEntityTypeConfiguration<PendingAllocation>
{
    public void Configure(EntityTypeBuilder<PendingAllocation> builder)
    {
        builder.HasKey(p => p.ProductId);
        builder.Property(p => p.ProductId).ValueGeneratedNever();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.Reason).HasMaxLength(100);
        builder.HasIndex(p => p.MarkedAt);
        builder.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
