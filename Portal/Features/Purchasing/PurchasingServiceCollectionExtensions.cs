using Portal.Features.Purchasing.PurchaseOrders;
using Portal.Features.Purchasing.Redistribution;
using Portal.Features.Purchasing.Shortages;
using Portal.Features.Purchasing.Suggestions;
using Portal.Features.Purchasing.Trends;

namespace Portal.Features.Purchasing;

public static class PurchasingServiceCollectionExtensions
{
    public static IServiceCollection AddPurchasing(this IServiceCollection services) =>
        services
            .AddScoped<PurchasingOverviewService>()
            .AddScoped<PurchaseOrderService>()
            .AddScoped<PurchaseOrderQueries>()
            .AddScoped<ShortageBoardQueries>()
            .AddScoped<SuggestionService>()
            .AddScoped<RedistributionService>()
            .AddScoped<BacklogRecorder>()
            .AddScoped<BacklogTrendService>();
}
