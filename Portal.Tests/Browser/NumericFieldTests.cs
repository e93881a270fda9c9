namespace Portal.Tests.Browser;

/// <summary>
/// Issue 11, "what a user types is what is saved", for every number box of the app, found from the pages rather than a
/// list kept here: an Admin walks every routed page and opens every form they offer (<see cref="NumberBoxWalk"/>), and
/// each box is given "1.5", "abc", "1,5", "999999999999", "-1", the values just outside its own range and its two ends
/// (<see cref="NumberBoxCheck"/>). A box must refuse each with a message naming it while its form saves nothing, or hold
/// exactly what was typed. The walk must reach every box the source declares, so a box it cannot reach fails here too.
/// Screenshots of one refused box per form: screenshots/numeric/.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NumericFieldTests(PortalServer portal, BrowserSession browser)
{
    [Fact]
    public async Task Every_number_box_refuses_a_bad_value_naming_itself_or_holds_exactly_what_was_typed()
    {
        await new PurchasingPortalData(portal).WaitForDemoAllocationAsync();
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SignInAsync("admin@demo.local");
        page.SetDefaultTimeout(10_000); // a box that misbehaves fails its step in seconds, not the default half minute

        var walk = new NumberBoxWalk(page);
        await walk.WalkAsync(AppRoutes.Templates());

        var unreached = NumberBoxSources.Usages().Where(u => !walk.CheckedIds.Any(u.Matches.IsMatch))
            .Select(u => $"{u.File}: the box #{u.InputId} was never reached; mark what opens its form with data-opens-form");
        var problems = walk.Problems.Concat(unreached).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
