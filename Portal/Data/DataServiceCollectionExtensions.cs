using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Portal.Data;

public static class DataServiceCollectionExtensions
{
    public static DatabaseOptions AddPortalData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = options.ConnectionString = ConnectionString(builder, options);
        builder.Services.AddSingleton(options);
        builder.Services.AddPortalDbContext(options.Provider, connectionString);
        builder.Services.AddScoped<DatabaseInitializer>();
        return options;
    }

    /// <summary>
    /// Interactive components live for a whole circuit, so they create short-lived contexts from the factory;
    /// requests, jobs and Identity get a scoped one. <paramref name="configure"/> adds to the options (tests: interceptors).
    /// </summary>
    public static IServiceCollection AddPortalDbContext(
        this IServiceCollection services, DatabaseProvider provider, string connectionString, Action<DbContextOptionsBuilder>? configure = null)
    {
        services.AddDbContextFactory<PortalDbContext, PortalDbContextFactory>(db =>
        {
            db.UsePortalDatabase(provider, connectionString);
            configure?.Invoke(db);
        });
        return services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());
    }

    public static DbContextOptionsBuilder UsePortalDatabase(this DbContextOptionsBuilder db, DatabaseProvider provider, string connectionString)
    {
        ((IDbContextOptionsBuilderInfrastructure)db).AddOrUpdateExtension(new PortalProviderExtension(provider));
        return provider switch
        {
            DatabaseProvider.Sqlite => db.UseSqlite(connectionString).AddInterceptors(SqliteReadTuning.Instance),
            DatabaseProvider.Postgres => db.UseNpgsql(connectionString),
            // Every id list travels as one JSON parameter (OPENJSON): SQL Server refuses more than 2,100 parameters.
            DatabaseProvider.SqlServer => db.UseSqlServer(connectionString,
                sql => sql.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)),
            _ => throw new InvalidOperationException($"Unknown database provider {provider}."),
        };
    }

    private static string ConnectionString(WebApplicationBuilder builder, DatabaseOptions options)
    {
        var configured = builder.Configuration.GetConnectionString("Portal");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (options.Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException($"Set ConnectionStrings:Portal (env ConnectionStrings__Portal) for {options.Provider}.");
        }

        var folder = Path.Combine(builder.Environment.ContentRootPath, options.DataFolder);
        Directory.CreateDirectory(folder);

        // A busy timeout lets concurrent writers (pages, jobs) wait for each other instead of failing.
        return $"Data Source={Path.Combine(folder, "portal.db")};Default Timeout=30";
    }
}
