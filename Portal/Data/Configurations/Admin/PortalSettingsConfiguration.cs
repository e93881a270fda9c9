using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Admin;
using Portal.Domain.Allocation;

namespace Portal.Data.Configurations.Admin;

internal sealed class PortalSettingsConfiguration : IEntityTypeConfiguration<PortalSettings>
{
    public void Configure(EntityTypeBuilder<PortalSettings> builder)
    {
        builder.HasVersion();
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.ToTable("Settings");

        // One bit per day of the week, bit (int)DayOfWeek: Monday to Friday is 62.
        builder.Property(s => s.WorkingDays).HasConversion(w => w.Mask, mask => WorkWeek.FromMask(mask));
        builder.Property(s => s.CompanyName).HasMaxLength(EmailSettingsRules.MaxCompanyNameLength);
        builder.Property(s => s.SenderAddress).HasMaxLength(EmailSettingsRules.MaxAddressLength);
        builder.Property(s => s.SmtpHost).HasMaxLength(EmailSettingsRules.MaxHostLength);
        builder.Property(s => s.SmtpUserName).HasMaxLength(EmailSettingsRules.MaxUserNameLength);
        builder.Property(s => s.ProtectedSmtpPassword).HasMaxLength(2000);

        // The one row exists from the first migration on, so nothing ever has to ask whether it is there.
        var defaults = new PortalSettings();
        builder.HasData(new
        {
            defaults.Id, defaults.WorkingDays, defaults.PickDays, defaults.ReceivingDays, defaults.EtaMoveThresholdDays,
            defaults.LeadTimeMoveThresholdDays, defaults.QuietWindowMinutes, defaults.LaterDateQuestionDays, defaults.UnansweredReminderDays, defaults.SmtpEnabled, defaults.SmtpPort,
            defaults.SmtpRequireTls, defaults.Version,
        });
    }
}
