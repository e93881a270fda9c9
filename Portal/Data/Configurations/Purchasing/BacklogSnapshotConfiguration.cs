using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Purchasing;

namespace Portal.Data.Configurations.Purchasing;

internal sealed class BacklogSnapshotConfiguration : IEntityTypeConfiguration<BacklogSnapshot>
{
    public void Configure(EntityTypeBuilder<BacklogSnapshot> builder) => builder.HasKey(s => s.Date);
}
