using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Identity;

namespace Portal.Data.Configurations.Admin;

/// <summary>
/// The four roles come with the schema. Creating them at start raced when several instances started at once on
/// one database (a unique-index violation took one of them down); a migration runs once.
/// </summary>
internal sealed class IdentityRoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder) =>
        builder.HasData(Roles.All.Select(role => new IdentityRole(role)
        {
            Id = $"role-{role.ToLowerInvariant()}",
            NormalizedName = role.ToUpperInvariant(),
            ConcurrencyStamp = $"seed-{role.ToLowerInvariant()}",
        }));
}
