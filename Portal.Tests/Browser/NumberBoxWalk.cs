using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.Tests.Browser;

/// <summary>
/// Walks the app as one signed-in user: every routed page, and every form a page opens through an element marked
/// data-opens-form (a button is clicked; a lookup gets "a" typed and its first match picked). Every number box met is
/// tried by <see cref="NumberBoxCheck"/>; an input that takes numbers without declaring itself is a problem too.
/// </summary>
internal sealed class NumberBoxWalk(IPage page)
{
    private const string UnmarkedNumberInput =
        "input[type=number], input[inputmode=numeric]:not([data-numeric]), input[inputmode=decimal]:not([data-numeric])";

    private readonly NumberBoxCheck check = new(page);
    private readonly List<(string From, string To)> links = [];
    private readonly Dictionary<string, bool> openers = []; // "template · kind" → used at least once
    private readonly HashSet<string> templatesWithForms = [];

    public IReadOnlyList<string> Problems => check.Problems;
    public IReadOnlyCollection<string> CheckedIds => check.CheckedIds;

    public async Task WalkAsync(IReadOnlyList<string> templates)
    {
        foreach (var template in templates.Where(t => !AppRoutes.HasParameters(t)))
        {
            await VisitAsync(template, template);
        }

        // A page with an id in its route is visited through links the walk has seen (an order from the backorders list),
        // a few of them, until one offers every form such pages offer; a template no link reached yet waits its turn.
        var pending = new Queue<string>(templates.Where(AppRoutes.HasParameters));
        var waited = 0;
        while (pending.TryDequeue(out var template))
        {
            var candidates = Candidates(AppRoutes.Matcher(template));
            if (candidates.Count == 0 && waited++ <= pending.Count)
            {
                pending.Enqueue(template);
                continue;
            }

            waited = 0;
            foreach (var path in candidates.DefaultIfEmpty(AppRoutes.WithFirstIds(template)))
            {
                await VisitAsync(path, template);
                if (templatesWithForms.Contains(template) && openers.Where(o => o.Key.StartsWith(template + " · ", StringComparison.Ordinal)).All(o => o.Value))
                {
                    break;
                }
            }
        }

        foreach (var (opener, _) in openers.Where(o => !o.Value))
        {
            check.Problems.Add($"{opener}: never enabled on the pages visited, so its form was not tried");
        }
    }

    /// <summary>
    /// Up to five pages the template routes, taken in turn from each page that links to them (the audit log's first order,
    /// then the backorders list's first...): the records other tests changed do not crowd out those the lists offer.
    /// </summary>
    private List<string> Candidates(Regex matcher) =>
        links.Where(l => matcher.IsMatch(l.To)).Distinct().GroupBy(l => l.From)
            .SelectMany(g => g.Select((l, rank) => (l.To, Rank: rank))).OrderBy(l => l.Rank).Select(l => l.To)
            .Distinct().Take(5).ToList();

    private async Task VisitAsync(string path, string template)
    {
        await OpenAsync(path);
        links.AddRange((await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('a[href]')].map(a => new URL(a.href, location.href)).filter(u => u.origin === location.origin).map(u => u.pathname)"))
            .Select(to => (path, to)));
        await CheckNothingUnmarkedAsync(path, page.Locator("body"));

        var scope = new FormScope(path, page.Locator("body"), IsDialog: false, page.Url);
        if (await check.TryBoxesAsync(scope, template) > 0)
        {
            templatesWithForms.Add(template);
            await OpenAsync(path);
            await check.NothingSavedAsync(scope);
        }

        // Kinds are read again after each form: one may reveal another (a tab shows a switch that shows more boxes).
        var used = new HashSet<string>();
        while (await NextUsableAsync(template, used) is { } next)
        {
            templatesWithForms.Add(template);
            openers[$"{template} · {next.Kind}"] = true;
            await UseFormAsync(path, template, next.Kind, next.Opener);
        }
    }

    /// <summary>The first kind of form on the page not used yet that has a usable opener; every kind seen is noted.</summary>
    private async Task<(string Kind, ILocator Opener)?> NextUsableAsync(string template, HashSet<string> used)
    {
        var kinds = (await page.Locator("[data-opens-form]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.opensForm)")).Distinct();
        foreach (var kind in kinds.Where(k => !used.Contains(k)))
        {
            templatesWithForms.Add(template);
            openers.TryAdd($"{template} · {kind}", false);
            if (await UsableAsync(kind) is { } opener)
            {
                used.Add(kind);
                return (kind, opener);
            }
        }

        return null;
    }

    private async Task UseFormAsync(string path, string template, string kind, ILocator opener)
    {
        // Visible boxes: a tab shows boxes that were on the page all along, hidden.
        var boxes = page.Locator(NumberBoxCheck.Boxes + ":visible");
        var boxesBefore = await boxes.CountAsync();
        var visibleOpeners = page.Locator("[data-opens-form]:visible");
        var openersBefore = await visibleOpeners.CountAsync();
        var picked = await OpenFormAsync(opener);
        var dialog = page.GetByRole(AriaRole.Dialog);
        var opened = await EventuallyAsync(async () => await dialog.CountAsync() > 0 || await boxes.CountAsync() > boxesBefore
            || await visibleOpeners.CountAsync() > openersBefore);
        var name = $"{path} · {kind}";
        if (!opened)
        {
            check.Problems.Add($"{name}: opened neither a dialog nor a number box within 10 s");
            return;
        }

        if (await dialog.CountAsync() == 0)
        {
            // Boxes added to the page itself (an order line): tried there; a reload would lose them, so the save is checked by its refusal.
            await CheckNothingUnmarkedAsync(name, page.Locator("body"));
            await check.TryBoxesAsync(new FormScope(name, page.Locator("body"), IsDialog: false, page.Url), template);
            return;
        }

        // The dialog's content may render a moment after its frame: its save button says the form is there.
        await EventuallyAsync(async () => await dialog.Locator("[data-saves]:visible").CountAsync() > 0);
        await CheckNothingUnmarkedAsync(name, dialog);
        var scope = new FormScope(name, dialog, IsDialog: true, page.Url);
        var tried = await check.TryBoxesAsync(scope, template + " · " + kind);
        await CloseAsync(dialog);
        if (tried > 0)
        {
            // Opened again, the form shows what is stored: what it showed before the bad values, so nothing was saved.
            await OpenFormAsync(opener, picked);
            await Assertions.Expect(dialog).ToBeVisibleAsync();
            await check.NothingSavedAsync(scope);
            await CloseAsync(dialog);
        }
    }

    private async Task OpenAsync(string path)
    {
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
        await page.Locator("h1").First.WaitForAsync();
        // Grids and forms load their data after the first render.
        await Assertions.Expect(page.Locator(".mud-progress-linear, .mud-progress-circular, .mud-table-loading")).ToHaveCountAsync(0);
    }

    /// <summary>The first visible, enabled element of this kind (a grid offers one per row), or null when none is.</summary>
    private async Task<ILocator?> UsableAsync(string kind)
    {
        foreach (var candidate in await page.Locator($"[data-opens-form='{kind}']").AllAsync())
        {
            if (await candidate.IsVisibleAsync() && await candidate.IsEnabledAsync())
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Clicks the opener, or types "a" into it and picks a match (the one named, when opening again); returns the pick.</summary>
    private async Task<string?> OpenFormAsync(ILocator opener, string? again = null)
    {
        var lookup = opener.Locator("input");
        if (await lookup.CountAsync() == 0)
        {
            await opener.ClickAsync();
            return null;
        }

        await lookup.First.ClickAsync();
        await lookup.First.PressAsync("Control+a");
        await lookup.First.PressSequentiallyAsync("a");
        // The list may still show what an empty box offered: take a match for "a", which both lists order alike.
        var match = again is null
            ? page.Locator("[role=option]:visible").Filter(new() { HasTextRegex = new Regex("a", RegexOptions.IgnoreCase) }).First
            : page.GetByRole(AriaRole.Option, new() { Name = again, Exact = true });
        var picked = (await match.InnerTextAsync()).Trim();
        await match.ClickAsync();
        return picked;
    }

    private static async Task CloseAsync(ILocator dialog)
    {
        await dialog.Locator(".mud-dialog-actions button:not([data-saves])").First.ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }

    private async Task CheckNothingUnmarkedAsync(string where, ILocator root)
    {
        foreach (var html in await root.Locator(UnmarkedNumberInput).EvaluateAllAsync<string[]>("els => els.map(e => e.outerHTML.slice(0, 160))"))
        {
            check.Problems.Add($"{where}: an input takes numbers without declaring its kind and range (use WholeNumberField or DecimalField): {html}");
        }
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }
}
