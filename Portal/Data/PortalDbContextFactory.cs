using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>Makes the configured provider's <see cref="PortalDbContext"/>, so every context can find its migrations.</summary>
internal sealed class PortalDbContextFactory(DbContextOptions<PortalDbContext> options) : IDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext() => PortalDbContext.Create(options);
}
