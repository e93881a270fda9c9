using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

public static class DataServiceCollectionExtensions
{
    public static DatabaseOptions AddPortalData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = options.ConnectionString = ConnectionString(builder, options);
        builder.Services.AddSingleton(options);
        // Interactive components live for a whole circuit, so they create short-lived contexts from the factory;
        // requests, jobs and Identity get a scoped one.
        builder.Services.AddDbContextFactory<PortalDbContext>(db => db.UsePortalDatabase(options.Provider, connectionString));
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());
        builder.Services.AddScoped<DatabaseInitializer>();
        return options;
    }

    public static DbContextOptionsBuilder UsePortalDatabase(this DbContextOptionsBuilder db, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => db.UseSqlite(connectionString).AddInterceptors(SqliteReadTuning.Instance),
            DatabaseProvider.Postgres => db.UseNpgsql(connectionString),
            _ => throw new InvalidOperationException($"Unknown database provider {provider}."),
        };

    private static string ConnectionString(WebApplicationBuilder builder, DatabaseOptions options)
    {
        var configured = builder.Configuration.GetConnectionString("Portal");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (options.Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException("Set ConnectionStrings:Portal (env ConnectionStrings__Portal) for PostgreSQL.");
        }

        var folder = Path.Combine(builder.Environment.ContentRootPath, options.DataFolder);
        Directory.CreateDirectory(folder);

        // A busy timeout lets concurrent writers (pages, jobs) wait for each other instead of failing.
        return $"Data Source={Path.Combine(folder, "portal.db")};Default Timeout=30";
    }
}
