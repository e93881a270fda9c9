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
    private const string Ada = "ada@portal.example";
    private const string Password = "Str0ng!Pass";

    [Fact]
    public async Task An_admin_adds_a_user_with_a_temporary_password_changes_the_roles_and_every_change_is_audited()
    {
        await using var services = Services();
        var admin = services.GetRequiredService<UserAdminService>();

        Assert.Null(await admin.CreateAsync(new NewUser(" new.rep@portal.example ", "New Rep", Password, [Roles.Sales]), Ada));
        var created = await UserAsync(admin, "new.rep@portal.example");
        Assert.Equal([Roles.Sales], created.Roles);
        Assert.Equal((UserStatus.Active, true), (created.Status, created.TemporaryPassword));

        Assert.Null(await admin.SetRolesAsync(created.Id, created.Version, [Roles.Warehouse, Roles.Purchasing], Ada));
        Assert.Equal([Roles.Purchasing, Roles.Warehouse], (await UserAsync(admin, "new.rep@portal.example")).Roles);

        Assert.Equal(
            [
                (Ada, "new.rep@portal.example", "Created user", "Roles: Sales; status: Active; temporary password, to be changed at first sign-in"),
                (Ada, "new.rep@portal.example", "Changed roles", "Roles: Sales → Purchasing, Warehouse"),
            ],
            await AuditAsync());
    }

    [Fact]
    public async Task A_weak_password_a_taken_email_a_missing_name_or_no_role_is_refused_and_nothing_is_saved()
    {
        await using var services = Services();
        var admin = services.GetRequiredService<UserAdminService>();
        Assert.Null(await admin.CreateAsync(new NewUser("taken@portal.example", "Taken", Password, [Roles.Sales]), Ada));

        Assert.Contains("Passwords must be at least 6 characters.", await admin.CreateAsync(new NewUser("weak@portal.example", "Weak", "abc", [Roles.Sales]), Ada));
        Assert.Equal("Email 'taken@portal.example' is already taken.", await admin.CreateAsync(new NewUser("taken@portal.example", "Again", Password, [Roles.Sales]), Ada));
        Assert.Equal("Email 'not an email' is invalid.", await admin.CreateAsync(new NewUser("not an email", "Odd", Password, [Roles.Sales]), Ada));
        Assert.Equal("Roles: give the user at least one role.", await admin.CreateAsync(new NewUser("norole@portal.example", "No Role", Password, []), Ada));
        Assert.Equal("Roles: there is no role \"Boss\".", await admin.CreateAsync(new NewUser("boss@portal.example", "Boss", Password, ["Boss"]), Ada));
        Assert.StartsWith("Name:", await admin.CreateAsync(new NewUser("noname@portal.example", "  ", Password, [Roles.Sales]), Ada));

        Assert.Equal(["taken@portal.example"], (await admin.ListAsync()).Select(u => u.Email));
        Assert.Single(await AuditAsync());
    }

    [Fact]
    public async Task The_last_active_admin_can_neither_lose_the_role_nor_be_deactivated()
    {
        await using var services = Services();
        var admin = services.GetRequiredService<UserAdminService>();
        Assert.Null(await admin.CreateAsync(new NewUser(Ada, "Ada", Password, [Roles.Admin, Roles.Sales]), Ada));
        var ada = await UserAsync(admin, Ada);

        Assert.Contains("is the last active Admin", await admin.SetRolesAsync(ada.Id, ada.Version, [Roles.Sales], Ada));
        Assert.Contains("is the last active Admin", await admin.DeactivateAsync(ada.Id, ada.Version, Ada));

        // A deactivated Admin does not count: it cannot sign in to manage anyone.
        Assert.Null(await admin.CreateAsync(new NewUser("bob@portal.example", "Bob", Password, [Roles.Admin]), Ada));
        var bob = await UserAsync(admin, "bob@portal.example");
        Assert.Null(await admin.DeactivateAsync(bob.Id, bob.Version, Ada));
        Assert.Contains("is the last active Admin", await admin.SetRolesAsync(ada.Id, ada.Version, [Roles.Sales], Ada));

        // With a second active Admin, either may go.
        bob = await UserAsync(admin, "bob@portal.example");
        Assert.Null(await admin.ReactivateAsync(bob.Id, bob.Version, Ada));
        Assert.Null(await admin.SetRolesAsync(ada.Id, ada.Version, [Roles.Sales], Ada));
        Assert.Equal([Roles.Sales], (await UserAsync(admin, Ada)).Roles);
        bob = await UserAsync(admin, "bob@portal.example");
        Assert.Contains("is the last active Admin", await admin.DeactivateAsync(bob.Id, bob.Version, "bob@portal.example"));
        Assert.Equal(UserStatus.Active, (await UserAsync(admin, "bob@portal.example")).Status);
    }

    [Fact]
    public async Task Two_admins_removing_each_others_admin_role_at_once_leave_one_admin()
    {
        await using var services = Services();
        var admin = services.GetRequiredService<UserAdminService>();
        Assert.Null(await admin.CreateAsync(new NewUser(Ada, "Ada", Password, [Roles.Admin]), Ada));
        Assert.Null(await admin.CreateAsync(new NewUser("bob@portal.example", "Bob", Password, [Roles.Admin]), Ada));
        var (ada, bob) = (await UserAsync(admin, Ada), await UserAsync(admin, "bob@portal.example"));

        var results = await Task.WhenAll(
            Task.Run(() => admin.SetRolesAsync(bob.Id, bob.Version, [Roles.Sales], Ada)),
            Task.Run(() => admin.SetRolesAsync(ada.Id, ada.Version, [Roles.Sales], "bob@portal.example")));

        Assert.Single(results, r => r is null);
        Assert.Single(await admin.ListAsync(), u => u.Roles.Contains(Roles.Admin));
    }

    [Fact]
    public async Task A_change_decided_on_a_stale_list_is_refused_and_nothing_is_saved()
    {
        await using var services = Services();
        var admin = services.GetRequiredService<UserAdminService>();
        Assert.Null(await admin.CreateAsync(new NewUser("rep@portal.example", "Rep", Password, [Roles.Sales]), Ada));
        var seen = await UserAsync(admin, "rep@portal.example");
        Assert.Null(await admin.SetRolesAsync(seen.Id, seen.Version, [Roles.Purchasing], "other.admin@portal.example"));

        Assert.Contains("Someone else changed this user", await admin.DeactivateAsync(seen.Id, seen.Version, Ada));
        Assert.Contains("Someone else changed this user", await admin.SetRolesAsync(seen.Id, seen.Version, [Roles.Warehouse], Ada));
        Assert.Contains("Someone else changed this user", await admin.ResetPasswordAsync(seen.Id, seen.Version, "An0ther!Pass", Ada));

        var now = await UserAsync(admin, "rep@portal.example");
        Assert.Equal([Roles.Purchasing], now.Roles);
        Assert.Equal(UserStatus.Active, now.Status);
        Assert.Equal(2, (await AuditAsync()).Count);
    }

    [Fact]
    public async Task A_deactivated_user_loses_their_session_and_cannot_sign_in_until_reactivated()
    {
        await using var services = Services();
        var admin = services.GetRequiredService<UserAdminService>();
        Assert.Null(await admin.CreateAsync(new NewUser("rep@portal.example", "Rep", Password, [Roles.Sales]), Ada));
        var session = await SignedInAsync(services, "rep@portal.example");
        Assert.True(await IsStillValidAsync(services, session));

        var rep = await UserAsync(admin, "rep@portal.example");
        Assert.Null(await admin.DeactivateAsync(rep.Id, rep.Version, Ada));

        Assert.False(await IsStillValidAsync(services, session));
        Assert.Equal(UserStatus.Deactivated, (await UserAsync(admin, "rep@portal.example")).Status);
        Assert.Equal("locked out", await SignInAsync(services, "rep@portal.example", Password));

        rep = await UserAsync(admin, "rep@portal.example");
        Assert.Contains("reactivate them instead", await admin.UnlockAsync(rep.Id, rep.Version, Ada));
        Assert.Null(await admin.ReactivateAsync(rep.Id, rep.Version, Ada));
        Assert.Equal("signed in", await SignInAsync(services, "rep@portal.example", Password));
        Assert.False(await IsStillValidAsync(services, session)); // the old session stays ended

        Assert.Equal(
            [
                (Ada, "rep@portal.example", "Deactivated user", "Status: Active → Deactivated"),
                (Ada, "rep@portal.example", "Reactivated user", "Status: Deactivated → Active"),
            ],
            (await AuditAsync()).Skip(1));
    }

    [Fact]
    public async Task Changing_roles_ends_the_users_session_so_the_new_roles_apply()
    {
        await using var services = Services();
        var admin = services.GetRequiredService<UserAdminService>();
        Assert.Null(await admin.CreateAsync(new NewUser("rep@portal.example", "Rep", Password, [Roles.Sales, Roles.Admin]), Ada));
        Assert.Null(await admin.CreateAsync(new NewUser(Ada, "Ada", Password, [Roles.Admin]), Ada));
        var session = await SignedInAsync(services, "rep@portal.example");

        var rep = await UserAsync(admin, "rep@portal.example");
        Assert.Null(await admin.SetRolesAsync(rep.Id, rep.Version, [Roles.Sales], Ada));

        Assert.False(await IsStillValidAsync(services, session));
    }

    [Fact]
    public async Task A_reset_password_replaces_the_old_one_is_temporary_and_ends_the_session()
    {
        await using var services = Services();
        var admin = services.GetRequiredService<UserAdminService>();
        Assert.Null(await admin.CreateAsync(new NewUser("rep@portal.example", "Rep", Password, [Roles.Sales]), Ada));
        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await users.ClearTemporaryPasswordAsync((await users.FindByNameAsync("rep@portal.example"))!)).Succeeded);
        }

        var session = await SignedInAsync(services, "rep@portal.example");
        var rep = await UserAsync(admin, "rep@portal.example");
        Assert.False(rep.TemporaryPassword);

        Assert.Contains("Passwords must have at least one digit", await admin.ResetPasswordAsync(rep.Id, rep.Version, "weak-password!", Ada));
        Assert.Equal("signed in", await SignInAsync(services, "rep@portal.example", Password));

        Assert.Null(await admin.ResetPasswordAsync(rep.Id, rep.Version, "Tempor4ry!Pass", Ada));
        Assert.Equal("wrong password", await SignInAsync(services, "rep@portal.example", Password));
        Assert.Equal("signed in", await SignInAsync(services, "rep@portal.example", "Tempor4ry!Pass"));
        Assert.True((await UserAsync(admin, "rep@portal.example")).TemporaryPassword);
        Assert.False(await IsStillValidAsync(services, session));
        var audit = (await AuditAsync()).Last();
        Assert.Equal("Reset password", audit.Action);
        Assert.DoesNotContain("Tempor4ry", audit.Details);
    }

    [Fact]
    public async Task A_locked_out_user_is_unlocked_by_an_admin()
    {
        await using var services = Services();
        var admin = services.GetRequiredService<UserAdminService>();
        Assert.Null(await admin.CreateAsync(new NewUser("locked@portal.example", "Locked", Password, [Roles.Warehouse]), Ada));
        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync("locked@portal.example"))!, TestData.Now.AddMinutes(15));
        }

        var locked = Assert.Single(await admin.ListAsync());
        Assert.Equal(UserStatus.LockedOut, locked.Status);
        Assert.Null(await admin.UnlockAsync(locked.Id, locked.Version, Ada));
        Assert.Equal(UserStatus.Active, Assert.Single(await admin.ListAsync()).Status);
        Assert.Equal("Status: Locked out → Active", (await AuditAsync()).Last().Details);
    }

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

    private static async Task<UserSummary> UserAsync(UserAdminService admin, string email) =>
        Assert.Single(await admin.ListAsync(), u => u.Email == email);

    /// <summary>The principal a sign-in puts in the cookie (with the security stamp of that moment).</summary>
    private static async Task<System.Security.Claims.ClaimsPrincipal> SignedInAsync(ServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        return await principals.CreateAsync((await users.FindByNameAsync(email))!);
    }

    /// <summary>What an open page asks at each revalidation.</summary>
    private static async Task<bool> IsStillValidAsync(ServiceProvider services, System.Security.Claims.ClaimsPrincipal session)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().IsStillValidAsync(session);
    }

    /// <summary>What Identity's sign-in would answer: locked out before the password is looked at.</summary>
    private static async Task<string> SignInAsync(ServiceProvider services, string email, string password)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByNameAsync(email))!;
        return await users.IsLockedOutAsync(user) ? "locked out" : await users.CheckPasswordAsync(user, password) ? "signed in" : "wrong password";
    }

    private async Task<List<(string User, string EntityId, string Action, string? Details)>> AuditAsync()
    {
        await using var db = NewContext();
        return (await db.AuditEvents.AsNoTracking().OrderBy(a => a.Id).ToListAsync())
            .Select(a => (a.User, a.EntityId, a.Action, a.Details)).ToList();
    }
}
