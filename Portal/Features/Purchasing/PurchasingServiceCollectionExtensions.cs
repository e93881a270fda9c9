using Portal.Features.Purchasing.PurchaseOrders;

namespace Portal.Features.Purchasing;

public static class PurchasingServiceCollectionExtensions
{
    public static IServiceCollection AddPurchasing(this IServiceCollection services) =>
        services
            .AddScoped<PurchasingOverviewService>()
            .AddScoped<PurchaseOrderService>()
            .AddScoped<PurchaseOrderQueries>();
}
