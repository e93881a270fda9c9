using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace Portal.Hosting;

/// <summary>
/// Interactive pages run as circuits on the server. A circuit whose browser went away (a closed laptop, a dropped
/// network) is kept for a while so the page can reconnect; each holds its components' state, so how many are kept and
/// for how long is set in configuration (section <c>Circuits</c>, bound to <see cref="CircuitOptions"/>), not left to
/// the framework's defaults, which an operator could not see.
/// </summary>
public static class CircuitSetup
{
    public const string Section = "Circuits";

    public static IServiceCollection AddPortalCircuits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CircuitOptions>().Bind(configuration.GetSection(Section))
            .Validate(o => o.DisconnectedCircuitMaxRetained >= 0, "Circuits:DisconnectedCircuitMaxRetained must be zero or more.")
            .Validate(o => o.DisconnectedCircuitRetentionPeriod > TimeSpan.Zero, "Circuits:DisconnectedCircuitRetentionPeriod must be longer than zero.")
            .ValidateOnStart();
        return services;
    }
}
