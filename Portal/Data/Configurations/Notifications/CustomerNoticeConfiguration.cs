using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Notifications;
using Portal.Domain.Sales;

namespace Portal.Data.Configurations.Notifications;

internal sealed class CustomerNoticeConfiguration : IEntityTypeConfiguration<CustomerNotice>
{
    public void Configure(EntityTypeBuilder<CustomerNotice> builder)
    {
        builder.HasVersion();
        builder.Property(n => n.ToAddress).HasMaxLength(254);
        builder.Property(n => n.Subject).HasMaxLength(300);
        builder.Property(n => n.LastError).HasMaxLength(1000);
        builder.Property(n => n.ContentHash).HasMaxLength(64);
        builder.HasOne<SalesOrder>().WithMany().HasForeignKey(n => n.SalesOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Customer>().WithMany().HasForeignKey(n => n.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(n => n.Events).WithOne().HasForeignKey(e => e.CustomerNoticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(n => n.Attempts).WithOne().HasForeignKey(a => a.CustomerNoticeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(n => n.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(n => n.Attempts).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The sender polls for due pending notices; the order page lists an order's emails.
        builder.HasIndex(n => new { n.Status, n.DueAt });
        builder.HasIndex(n => new { n.SalesOrderId, n.CreatedAt });
    }
}
