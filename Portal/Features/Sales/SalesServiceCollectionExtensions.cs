namespace Portal.Features.Sales;

public static class SalesServiceCollectionExtensions
{
    public static IServiceCollection AddSales(this IServiceCollection services) =>
        services.AddScoped<SalesOverviewService>();
}
