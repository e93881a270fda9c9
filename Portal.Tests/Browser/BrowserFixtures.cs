namespace Portal.Tests.Browser;

/// <summary>One portal process and one Chromium, shared by the browser tests (which run one class at a time).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<PortalServer>, ICollectionFixture<BrowserSession>
{
    public const string Name = "Browser";
}
