using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Identity;

namespace Portal.Benchmarks.LoadTest;

/// <summary>
/// One account per session, created through Identity's own UserManager (password hash, normalized names, roles as the
/// migration seeded them), since demo users exist only on a new embedded database. The mix of roles is a guess at
/// a working day: most sessions are sales reps and the dock, fewer buyers, a few admins.
/// </summary>
public static class LoadUsers
{
    public const string Password = "Bench!2345";

    private static readonly string[] Mix = [Roles.Sales, Roles.Warehouse, Roles.Sales, Roles.Purchasing, Roles.Sales, Roles.Warehouse, Roles.Purchasing, Roles.Sales, Roles.Warehouse, Roles.Admin];

    public static IReadOnlyList<(string Email, string Role)> For(int sessions) =>
        Enumerable.Range(1, sessions).Select(i => ($"{Mix[(i - 1) % Mix.Length].ToLowerInvariant()}{i:D3}@bench.local", Mix[(i - 1) % Mix.Length])).ToList();

    public static async Task CreateAsync(DatabaseProvider provider, string connectionString, IReadOnlyList<(string Email, string Role)> accounts)
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddPortalDbContext(provider, connectionString)
            .AddIdentityCore<ApplicationUser>(o => o.User.RequireUniqueEmail = true)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .Services.BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var (email, role) in accounts)
        {
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0] };
            Check(await users.CreateAsync(user, Password), email);
            Check(await users.AddToRoleAsync(user, role), email);
        }
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded) throw new InvalidOperationException($"Benchmark user {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
