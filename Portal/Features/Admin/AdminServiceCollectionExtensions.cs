namespace Portal.Features.Admin;

public static class AdminServiceCollectionExtensions
{
    public static IServiceCollection AddAdmin(this IServiceCollection services) =>
        services.AddScoped<AdminOverviewService>().AddScoped<SettingsService>().AddScoped<Jobs.JobHistoryService>().AddScoped<Audit.AuditLogService>().AddScoped<Users.UserAdminService>();
}
