using Portal.Data.DemoData;
using Portal.Features.Admin;
using Portal.Features.Allocation;
using Portal.Features.Notifications;
using Portal.Features.Purchasing;
using Portal.Features.Sales;
using Portal.Features.Warehouse;

namespace Portal.Hosting;

/// <summary>Each feature area adds its own services and endpoints here, so Program.cs stays a short list.</summary>
public static class FeatureRegistration
{
    public static void AddPortalFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DemoDataSeeder>();
        builder.Services.AddAllocation();
        builder.Services.AddSales();
        builder.Services.AddPurchasing();
        builder.Services.AddWarehouse();
        builder.Services.AddAdmin();
        builder.Services.AddNotifications(builder.Configuration);
    }

    public static void MapPortalEndpoints(this WebApplication app)
    {
        app.MapSales();
    }
}
