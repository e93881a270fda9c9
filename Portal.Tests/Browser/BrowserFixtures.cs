using Portal.Tests.Browser;

// One portal process and one Chromium for every browser test of the run.
[assembly: AssemblyFixture(typeof(PortalServer))]
[assembly: AssemblyFixture(typeof(BrowserSession))]
