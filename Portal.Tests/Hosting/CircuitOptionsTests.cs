using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Portal.Tests.Hosting;

/// <summary>How many disconnected circuits the portal keeps, and for how long, come from its configuration.</summary>
[Collection(InProcessPortalCollection.Name)]
public sealed class CircuitOptionsTests : IDisposable
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("portal-circuits-").FullName;

    [Fact]
    public async Task Retained_disconnected_circuits_are_capped_as_configured()
    {
        await using var portal = Portal(("Circuits:DisconnectedCircuitMaxRetained", "7"), ("Circuits:DisconnectedCircuitRetentionPeriod", "00:00:45"));

        var options = portal.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;

        Assert.Equal((7, TimeSpan.FromSeconds(45)), (options.DisconnectedCircuitMaxRetained, options.DisconnectedCircuitRetentionPeriod));
    }

    [Fact]
    public async Task A_retention_period_of_zero_stops_the_portal_at_start_naming_the_setting()
    {
        await using var portal = Portal(("Circuits:DisconnectedCircuitRetentionPeriod", "00:00:00"));

        var refused = Assert.ThrowsAny<OptionsValidationException>(() => portal.Services);

        Assert.Contains("Circuits:DisconnectedCircuitRetentionPeriod", refused.Message);
    }

    private WebApplicationFactory<Program> Portal(params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("Database:DataFolder", dataFolder).UseSetting("Database:SeedDemoData", "false");
            foreach (var (key, value) in settings)
            {
                host.UseSetting(key, value);
            }
        });

    public void Dispose()
    {
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; a temp folder is not worth failing a test for.
        }
    }
}
