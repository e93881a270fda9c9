using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Sales;

namespace Portal.Data.Configurations.Sales;

internal sealed class LaterDateQuestionConfiguration : IEntityTypeConfiguration<LaterDateQuestion>
{
    public void Configure(EntityTypeBuilder<LaterDateQuestion> builder)
    {
        builder.HasVersion();
        builder.Property(q => q.Answer).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<SalesOrder>().WithMany().HasForeignKey(q => q.SalesOrderId).OnDelete(DeleteBehavior.Cascade);
        // No cascade path from the order through its lines as well (SQL Server refuses two paths); lines are never deleted alone.
        builder.HasOne<SalesOrderLine>().WithMany().HasForeignKey(q => q.SalesOrderLineId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(q => new { q.Answer, q.AskedAt }); // the Sales home: open questions asked long ago
        builder.HasIndex(q => new { q.SalesOrderLineId, q.Answer });
    }
}
