using Portal.Data;
using Portal.Data.DemoData;

namespace Portal.Hosting;

public static class StartupExtensions
{
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();

        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        if (options.ShouldSeedDemoData)
        {
            var logins = string.Join(Environment.NewLine, DemoUsers.All.Select(u => $"  {u.Role,-11} {u.Email,-24} {DemoUsers.Password}"));
            app.Logger.LogInformation("Demo logins (embedded database only):{NewLine}{Logins}", Environment.NewLine, logins);
        }
    }
}
