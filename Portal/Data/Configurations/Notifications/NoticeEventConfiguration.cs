using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Notifications;
using Portal.Domain.Sales;

namespace Portal.Data.Configurations.Notifications;

internal sealed class NoticeEventConfiguration : IEntityTypeConfiguration<NoticeEvent>
{
    public void Configure(EntityTypeBuilder<NoticeEvent> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Note).HasMaxLength(300);
        builder.HasOne<SalesOrderLine>().WithMany().HasForeignKey(e => e.SalesOrderLineId).OnDelete(DeleteBehavior.Cascade);
    }
}
