using System.Net;
using Portal.Tests.Browser;
using Portal.Tests.Notifications;

namespace Portal.Tests.Hosting;

/// <summary>What a load balancer and an attacker see of a running portal, without signing in.</summary>
public sealed class HealthAndSignInLimitTests
{
    [Fact]
    public async Task Health_answers_anonymously_in_one_word_and_a_missing_mail_server_only_degrades_readiness()
    {
        var closedPort = SmtpServer.FreePort();
        await using var portal = PortalServer.With(new Dictionary<string, string>
        {
            ["Email__Mode"] = "Smtp",
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["Email__Smtp__Port"] = closedPort.ToString(),
        });
        await portal.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };

        var live = await http.GetAsync("/health/live");
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (live.StatusCode, await live.Content.ReadAsStringAsync()));

        // Database up and migrated, job server beating; the mail server is down, which the outbox can wait out.
        var ready = await http.GetAsync("/health/ready");
        Assert.Equal((HttpStatusCode.OK, "Degraded"), (ready.StatusCode, await ready.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_refused_with_429_past_the_limit()
    {
        await using var portal = PortalServer.With(new Dictionary<string, string> { ["SignIn__RateLimit__PermitLimit"] = "3" });
        await portal.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };
        var form = () => new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "sales@demo.local", ["Input.Password"] = "wrong" });

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add((await http.PostAsync("/Account/Login", form())).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, answers.Take(3));
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers.Skip(3));
        var refused = await http.PostAsync("/Account/Login", form());
        Assert.Contains("Too many sign-in attempts", await refused.Content.ReadAsStringAsync());

        // Pages other than the sign-in form are not limited.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/Account/Login")).StatusCode);
    }
}
