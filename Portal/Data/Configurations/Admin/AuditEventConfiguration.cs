using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Admin;

namespace Portal.Data.Configurations.Admin;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.Property(a => a.User).HasMaxLength(256);
        builder.Property(a => a.Entity).HasMaxLength(50);
        builder.Property(a => a.EntityId).HasMaxLength(50);
        builder.Property(a => a.Action).HasMaxLength(100);
        builder.Property(a => a.Details).HasMaxLength(2000);
        builder.Property(a => a.Changes).HasMaxLength(AuditEvent.MaxChangesLength);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.Entity, a.EntityId });
        builder.HasIndex(a => new { a.User, a.At }); // the log filtered by user, newest first
    }
}
