using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Common;

/// <summary>Gives services under test a fresh context on the test's database, as the app's factory does.</summary>
public sealed class TestDbContextFactory(TestDatabase database) : IDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext() => database.CreateContext();
}
