namespace Portal.Tests.Hosting;

/// <summary>
/// Tests that host the portal in this process through WebApplicationFactory run one at a time: the app builds its host
/// through static hooks, and a host stopped at start by a refused setting disposed the logging of another being built
/// beside it (ObjectDisposedException: LoggerFactory).
/// </summary>
[CollectionDefinition(Name)]
public sealed class InProcessPortalCollection
{
    public const string Name = "In-process portal";
}
