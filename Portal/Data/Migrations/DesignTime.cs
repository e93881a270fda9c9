using Microsoft.EntityFrameworkCore;

namespace Portal.Data.Migrations;

/// <summary>Options for the design-time factories <c>dotnet ef</c> uses to build each provider's model.</summary>
internal static class DesignTime
{
    public static DbContextOptions<PortalDbContext> Options(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        builder.UsePortalDatabase(provider, connectionString);
        return builder.Options;
    }
}
