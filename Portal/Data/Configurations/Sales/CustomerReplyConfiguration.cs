using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Sales;

namespace Portal.Data.Configurations.Sales;

internal sealed class CustomerReplyConfiguration : IEntityTypeConfiguration<CustomerReply>
{
    public void Configure(EntityTypeBuilder<CustomerReply> builder)
    {
        builder.HasVersion();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<SalesOrder>().WithMany().HasForeignKey(r => r.SalesOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.SalesOrderId, r.At });
        builder.HasIndex(r => r.At); // the Sales home reads the latest replies
    }
}
