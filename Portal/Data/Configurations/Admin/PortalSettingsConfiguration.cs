using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Admin;

namespace Portal.Data.Configurations.Admin;

internal sealed class PortalSettingsConfiguration : IEntityTypeConfiguration<PortalSettings>
{
    public void Configure(EntityTypeBuilder<PortalSettings> builder)
    {
        builder.HasVersion();
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.ToTable("Settings");
    }
}
