using System.Net;

namespace Portal.Tests.Browser;

/// <summary>
/// The customer pages answer anyone with a link, so one address gets only so many requests a minute
/// (Portal:RequestsPerMinute; 3 here); the refusal is plain text and never cached, and the rest of the portal is not limited by it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CustomerLinkRateLimitTests
{
    [Fact]
    public async Task One_address_gets_a_few_requests_a_minute_then_a_plain_uncached_429()
    {
        await using var portal = PortalServer.With(new Dictionary<string, string> { ["Portal__RequestsPerMinute"] = "3" });
        await portal.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };

        for (var i = 0; i < 3; i++)
        {
            var allowed = await http.GetAsync("/your-order/not-a-link");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.True(allowed.Headers.CacheControl?.NoStore);
        }

        var refused = await http.GetAsync("/your-order/not-a-link");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.CacheControl?.NoStore);
        Assert.Equal("Too many requests from this address. Wait a minute, then try again.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/Account/Login")).StatusCode);
    }
}
