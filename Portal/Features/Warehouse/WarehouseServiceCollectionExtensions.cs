namespace Portal.Features.Warehouse;

public static class WarehouseServiceCollectionExtensions
{
    public static IServiceCollection AddWarehouse(this IServiceCollection services) =>
        services.AddScoped<WarehouseOverviewService>();
}
