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

        // The one row exists from the first migration on, so nothing ever has to ask whether it is there.
        var defaults = new PortalSettings();
        builder.HasData(new
        {
            defaults.Id, defaults.PickDays, defaults.ReceivingDays, defaults.EtaMoveThresholdDays, defaults.QuietWindowMinutes, defaults.Version,
        });
    }
}
