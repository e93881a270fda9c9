using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Portal.Data;

/// <summary>
/// Records in a context's options which provider <see cref="DataServiceCollectionExtensions.UsePortalDatabase"/> chose,
/// so <see cref="PortalDbContext.Create"/> can make that provider's context from the options alone.
/// </summary>
internal sealed class PortalProviderExtension(DatabaseProvider provider) : IDbContextOptionsExtension
{
    public DatabaseProvider Provider { get; } = provider;

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(PortalProviderExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => $"PortalProvider={extension.Provider} ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["Portal:Provider"] = extension.Provider.ToString();
    }
}
