using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Admin.Users;
using Portal.Identity;
using Portal.Tests.Common;
using Portal.Tests.Infrastructure;
using Portal.Tests.Infrastructure.Builders;

namespace Portal.Tests.Admin;

public sealed class UserAdminServiceTestsOnSqlite() : UserAdminServiceTests(DatabaseProvider.Sqlite);

public sealed class UserAdminServiceTestsOnPostgres() : UserAdminServiceTests(DatabaseProvider.Postgres);

public sealed class UserAdminServiceTestsOnSqlServer() : UserAdminServiceTests(DatabaseProvider.SqlServer);

public abstract class UserAdminServiceTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private ServiceProvider Services()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new ManualClock(TestData.Now))
            .AddPortalDbContext(Db.Provider, Db.ConnectionString, Db.Configure)
            .AddSingleton<UserAdminService>();
        services.AddIdentityCore<ApplicationUser>(o => o.User.RequireUniqueEmail = true).AddRoles<IdentityRole>().AddEntityFrameworkStores<PortalDbContext>();
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task An_admin_adds_a_user_changes_the_roles_and_every_change_is_audited()
    {
        await using var services = Services();
        var admin = services.GetRequiredService<UserAdminService>();

        Assert.Null(await admin.CreateAsync("new.rep@portal.example", "New Rep", "Str0ng!Pass", [Roles.Sales], "ada@portal.example"));
        var created = Assert.Single(await admin.ListAsync(), u => u.Email == "new.rep@portal.example");
        Assert.Equal([Roles.Sales], created.Roles);

        Assert.Null(await admin.SetRolesAsync(created.Id, [Roles.Purchasing, Roles.Warehouse], "ada@portal.example"));
        Assert.Equal([Roles.Purchasing, Roles.Warehouse], (await admin.ListAsync()).Single(u => u.Id == created.Id).Roles);

        await using var db = NewContext();
        Assert.Equal(["Created user", "Changed roles"], await db.AuditEvents.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task A_weak_password_or_a_taken_email_is_refused_and_nothing_is_saved()
    {
        await using var services = Services();
        var admin = services.GetRequiredService<UserAdminService>();
        Assert.Null(await admin.CreateAsync("taken@portal.example", "Taken", "Str0ng!Pass", [Roles.Sales], "ada"));

        Assert.Contains("at least", await admin.CreateAsync("weak@portal.example", "Weak", "abc", [Roles.Sales], "ada"));
        Assert.Contains("already taken", await admin.CreateAsync("taken@portal.example", "Again", "Str0ng!Pass", [Roles.Sales], "ada"));
        Assert.Contains("at least one role", await admin.CreateAsync("norole@portal.example", "No Role", "Str0ng!Pass", [], "ada"));

        Assert.Equal(["taken@portal.example"], (await admin.ListAsync()).Select(u => u.Email));
        await using var db = NewContext();
        Assert.Single(await db.AuditEvents.ToListAsync());
    }

    [Fact]
    public async Task A_locked_out_user_is_unlocked_by_an_admin()
    {
        await using var services = Services();
        var admin = services.GetRequiredService<UserAdminService>();
        Assert.Null(await admin.CreateAsync("locked@portal.example", "Locked", "Str0ng!Pass", [Roles.Warehouse], "ada"));
        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync("locked@portal.example"))!;
            await users.SetLockoutEndDateAsync(user, TestData.Now.AddYears(1));
        }

        var locked = Assert.Single(await admin.ListAsync());
        Assert.True(locked.LockedOut);
        Assert.Null(await admin.UnlockAsync(locked.Id, "ada"));
        Assert.False(Assert.Single(await admin.ListAsync()).LockedOut);
    }
}
