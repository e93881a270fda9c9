using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Allocation;

namespace Portal.Data.Configurations.Allocation;

internal sealed class AllocationRunConfiguration : IEntityTypeConfiguration<AllocationRun>
{
    public void Configure(EntityTypeBuilder<AllocationRun> builder)
    {
        builder.Property(r => r.Instance).HasMaxLength(100);
        builder.HasIndex(r => r.StartedAt);
        builder.HasIndex(r => new { r.ProductId, r.StartedAt });
    }
}
