using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Sales;

namespace Portal.Data.Configurations.Sales;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.HasVersion();
        builder.Property(c => c.Code).HasMaxLength(20);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.Property(c => c.ShippingAddress).HasMaxLength(Customer.MaxShippingAddressLength);
        builder.Property(c => c.SalesRep).HasMaxLength(256);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.HasIndex(c => c.Name);
        builder.HasIndex(c => c.SalesRep);
        builder.ToTable(t => t.HasCheckConstraint("CK_Customers_PriorityTier", "\"PriorityTier\" BETWEEN 1 AND 5"));
    }
}
