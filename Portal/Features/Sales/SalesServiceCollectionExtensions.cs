using Portal.Features.Sales.Backorders;
using Portal.Features.Sales.CustomerReplies;
using Portal.Features.Sales.Customers;
using Portal.Features.Sales.OrderDetail;
using Portal.Features.Sales.OrderEntry;
using Portal.Features.Sales.Orders;

namespace Portal.Features.Sales;

public static class SalesServiceCollectionExtensions
{
    public static IServiceCollection AddSales(this IServiceCollection services) =>
        services
            .Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(limiter =>
                limiter.AddPolicy<string, CustomerLinkRateLimit>(CustomerLinkRateLimit.Policy))
            .AddScoped<SalesOverviewService>()
            .AddScoped<OrderEntryService>()
            .AddScoped<OrderListService>()
            .AddScoped<OrderDetailService>()
            .AddScoped<BackorderService>()
            .AddScoped<CustomerService>()
            .AddScoped<CustomerReplyService>()
            .AddScoped<CustomerReplyQueries>();

    public static IEndpointRouteBuilder MapSales(this IEndpointRouteBuilder app) => app.MapBackorderExport();
}
