using Portal.Data.DemoData;

namespace Portal.Hosting;

/// <summary>Each feature area adds its own services and endpoints here, so Program.cs stays a short list.</summary>
public static class FeatureRegistration
{
    public static void AddPortalFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DemoDataSeeder>();
    }

    public static void MapPortalEndpoints(this WebApplication app)
    {
    }
}
