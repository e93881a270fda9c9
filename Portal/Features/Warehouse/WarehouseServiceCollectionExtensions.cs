using Portal.Features.Warehouse.Adjustments;
using Portal.Features.Warehouse.Picking;
using Portal.Features.Warehouse.Receiving;

namespace Portal.Features.Warehouse;

public static class WarehouseServiceCollectionExtensions
{
    public static IServiceCollection AddWarehouse(this IServiceCollection services) =>
        services
            .AddScoped<WarehouseOverviewService>()
            .AddScoped<ReceivingService>()
            .AddScoped<PickingService>()
            .AddScoped<StockAdjustmentService>();
}
