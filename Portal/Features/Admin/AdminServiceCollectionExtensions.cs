namespace Portal.Features.Admin;

public static class AdminServiceCollectionExtensions
{
    public static IServiceCollection AddAdmin(this IServiceCollection services) =>
        services.AddScoped<AdminOverviewService>().AddScoped<SettingsService>().AddScoped<Allocation.AllocationQueueService>().AddScoped<Audit.AuditLogService>().AddScoped<Users.UserAdminService>();
}
