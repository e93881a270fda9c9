using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Notifications;

namespace Portal.Data.Configurations.Notifications;

internal sealed class NoticeAttemptConfiguration : IEntityTypeConfiguration<NoticeAttempt>
{
    public void Configure(EntityTypeBuilder<NoticeAttempt> builder) => builder.Property(a => a.Error).HasMaxLength(1000);
}
