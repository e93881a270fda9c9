using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Identity;

namespace Portal.Benchmarks.LoadTest;

/// <summary>
/// One person: a browser context of its own (its own cookie), signed in as its account, working through its role's
/// journey with a pause between interactions, every interaction timed in the page (<see cref="InPageClock"/>). A step
/// that fails is counted as an error of its kind, and the person starts again from their role's home page.
/// </summary>
public sealed partial class LoadSession(IBrowserContext context, IPage page, string role, Recorder recorder, Random random, LoadData data)
{
    public const int StepTimeoutMs = 30_000;

    /// <summary>
    /// A step gives up after this long whatever it waits on: a starved page can leave a Playwright call (an evaluate,
    /// a count) with no time limit of its own pending for ever, and one such session would hold up the whole run.
    /// </summary>
    public static readonly TimeSpan StepWatchdog = TimeSpan.FromMilliseconds(2 * StepTimeoutMs);

    /// <summary>A person reads what they opened before the next click.</summary>
    public static readonly (int Min, int Max) ThinkSeconds = (3, 9);

    private const string NoAnimations = """
        document.addEventListener('DOMContentLoaded', () => {
          const style = document.createElement('style');
          style.textContent = '*, *::before, *::after { animation: none !important; transition: none !important; }';
          document.head.appendChild(style);
        });
        """;

    public IPage Page => page;

    public string Home => "/" + role.ToLowerInvariant();

    /// <summary>Full page loads (sign-in form, post, role's home page) may wait this long on a busy machine; not an interaction.</summary>
    public const int PageLoadTimeoutMs = 180_000;

    public static async Task<LoadSession> SignInAsync(IBrowser browser, string baseUrl, string email, string role, Recorder recorder, int seed, LoadData data)
    {
        // A hundred people share these two cores' one browser, so each page draws no animation or transition (a person's
        // own machine would pay for theirs); the portal sends and the page applies exactly what it would otherwise.
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = baseUrl, ViewportSize = new() { Width = 1366, Height = 860 }, ReducedMotion = ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout(StepTimeoutMs);
        context.SetDefaultNavigationTimeout(PageLoadTimeoutMs);
        await context.AddInitScriptAsync(InPageClock.InitScript);
        await context.AddInitScriptAsync(NoAnimations);
        var page = await context.NewPageAsync();
        page.Console += (_, message) => { if (message.Type == "error") recorder.Error("browser console", message.Text); };
        page.PageError += (_, error) => recorder.Error("page script", error);
        var session = new LoadSession(context, page, role, recorder, new Random(seed), data);
        // Straight to the role's home page after signing in, as a bookmark would.
        await page.GotoAsync($"/Account/Login?ReturnUrl={Uri.EscapeDataString(session.Home)}");
        await page.FillAsync("#Input\\.Email", email);
        await page.FillAsync("#Input\\.Password", LoadUsers.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == session.Home, new() { Timeout = PageLoadTimeoutMs });
        await session.WaitForInteractiveAsync();
        return session;
    }

    /// <summary>A full page load of the role's home, and the circuit up.</summary>
    public async Task GoHomeAsync()
    {
        await page.GotoAsync(Home);
        await WaitForInteractiveAsync();
    }

    private Task WaitForInteractiveAsync() =>
        page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = PageLoadTimeoutMs });

    public async Task WorkUntilAsync(DateTime until, CancellationToken stop)
    {
        var round = 0;
        while (DateTime.UtcNow < until && !stop.IsCancellationRequested)
        {
            foreach (var (kind, step) in Journey(round++))
            {
                if (DateTime.UtcNow >= until || stop.IsCancellationRequested) return;
                await Task.Delay(TimeSpan.FromSeconds(random.Next(ThinkSeconds.Min, ThinkSeconds.Max + 1)), CancellationToken.None);
                try
                {
                    await step().WaitAsync(StepWatchdog, CancellationToken.None);
                }
                catch (Exception e) when (e is PlaywrightException or TimeoutException)
                {
                    recorder.Error(kind, e.Message);
                    if (!await RecoverAsync()) return;
                    break;
                }
            }
        }
    }

    /// <summary>One round of the role's journey with no pauses; a failing step throws (the warm-up wants to see it).</summary>
    public async Task WorkOnceAsync()
    {
        foreach (var (_, step) in Journey(0)) await step().WaitAsync(StepWatchdog);
    }

    /// <summary>Closes the page the way a person leaves (Blazor tells the server on pagehide, so the circuit ends).</summary>
    public async Task LeaveAsync()
    {
        try
        {
            await page.GotoAsync("about:blank").WaitAsync(StepWatchdog);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            // Leaving anyway.
        }

        try
        {
            await context.CloseAsync().WaitAsync(StepWatchdog);
        }
        catch (TimeoutException)
        {
            // The browser goes with the run.
        }
    }

    private async Task<bool> RecoverAsync()
    {
        try
        {
            await GoHomeAsync().WaitAsync(TimeSpan.FromMilliseconds(PageLoadTimeoutMs));
            return true;
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            recorder.Error("recover (home page)", e.Message);
            return false;
        }
    }

    private IEnumerable<(string Kind, Func<Task> Step)> Journey(int round) => role switch
    {
        Roles.Sales => round % 2 == 0
            ? [.. Browse(ListPage.Orders, sort: true, detail: true), .. EnterOrder()]
            : [.. Browse(ListPage.Backorders, sort: true, detail: true), .. Browse(ListPage.Orders, sort: false, detail: true)],
        Roles.Purchasing => [.. Browse(ListPage.Shortages, sort: true, detail: false), .. Browse(ListPage.PurchaseOrders, sort: false, detail: true)],
        Roles.Warehouse => [.. Browse(ListPage.Receiving, sort: false, detail: false), .. Receive(), .. Browse(ListPage.Picking, sort: true, detail: false)],
        _ => [.. Browse(ListPage.Audit, sort: false, detail: false), .. Browse(ListPage.Users, sort: false, detail: false), .. Browse(ListPage.Orders, sort: true, detail: true)],
    };

    private IEnumerable<(string, Func<Task>)> Browse(ListPage list, bool sort, bool detail)
    {
        yield return ($"open {list.Name}", () => OpenListAsync(list));
        if (sort) yield return ($"sort {list.Name}", () => SortAsync(list));
        yield return ($"next page {list.Name}", () => NextPageAsync(list));
        if (detail) yield return ($"open from {list.Name}", () => OpenDetailAsync(list));
    }

    private async Task Measure(string kind, Func<Task> act, string condition, object? arg = null)
    {
        await act();
        var ms = await page.EvaluateAsync<double>(InPageClock.Until(condition, StepTimeoutMs), arg);
        recorder.Add(kind, ms);
    }

    private async Task OpenListAsync(ListPage list)
    {
        if (new Uri(page.Url).AbsolutePath == list.Path) await GoHomeAsync();
        await Measure($"open {list.Name}", () => page.Locator($".portal-nav a[href='{list.Href}']").ClickAsync(),
            "return location.pathname === a.path && window.__lt.gridText(a.grid) !== null", new { path = list.Path, grid = list.Grid });
    }

    // A page has arrived when the rows (and the pager's "26–50 of ...") differ from before.
    private const string RowsChanged = "const text = window.__lt.gridText(a.grid); return text !== null && text !== a.before";

    // A sort has arrived when the rows differ. A sort can leave the first page as it was (many equal values): then
    // nothing but the column's sort mark changes, and what the person sees is done when that mark shows, taken as
    // the answer once the rows have stayed the same for 5 s after it.
    private const string SortArrived = """
        const grid = document.querySelector(a.grid);
        if (!grid) return false;
        const th = grid.querySelectorAll('thead th')[a.column];
        if (!a.markedAt && th && th.getAttribute('aria-sort') !== a.sortBefore) a.markedAt = performance.now();
        const text = window.__lt.gridText(a.grid);
        if (text !== null && text !== a.before) return true;
        return a.markedAt && performance.now() - a.markedAt > 5000 ? a.markedAt : false;
        """;

    // The columns worth sorting by: every sortable one but those with a few repeated values (a rep, a status).
    private const string SortableColumns = """
        s => [...document.querySelectorAll(s + ' thead th')].map((th, i) => ({ I: i, Text: th.querySelector('.sortable-column-header')?.textContent.trim(), Sort: th.getAttribute('aria-sort') }))
               .filter(c => c.Text && !['Rep', 'Status'].includes(c.Text))
        """;

    private sealed class Column
    {
        public int I { get; set; }
        public string Text { get; set; } = "";
        public string? Sort { get; set; }
    }

    private async Task SortAsync(ListPage list)
    {
        var columns = await page.EvaluateAsync<Column[]>(SortableColumns, list.Grid);
        if (columns.Length == 0) throw new TimeoutException($"No sortable column on {list.Name}.");
        var column = columns[random.Next(columns.Length)];
        var before = await page.EvaluateAsync<string?>("s => window.__lt.gridText(s)", list.Grid);
        await Measure($"sort {list.Name}", () => page.Locator($"{list.Grid} thead th").Nth(column.I).Locator(".sortable-column-header").ClickAsync(),
            SortArrived, new { grid = list.Grid, before, column = column.I, sortBefore = column.Sort, markedAt = 0 });
    }

    private async Task NextPageAsync(ListPage list)
    {
        var next = page.Locator($"{list.Grid} .mud-table-pagination-actions button[aria-label='Next page']");
        if (await next.CountAsync() == 0 || await next.IsDisabledAsync()) return;
        var before = await page.EvaluateAsync<string?>("s => window.__lt.gridText(s)", list.Grid);
        await Measure($"next page {list.Name}", () => next.ClickAsync(), RowsChanged, new { grid = list.Grid, before });
    }

    private async Task OpenDetailAsync(ListPage list)
    {
        var links = page.Locator($"{list.Grid} tbody a[href^='{list.DetailLink}']");
        var count = await links.CountAsync();
        if (count == 0) return;
        await Measure($"open from {list.Name}", () => links.Nth(random.Next(count)).ClickAsync(),
            "const h = document.querySelector('h1'); return location.pathname.startsWith(a.prefix) && /\\d+$/.test(location.pathname) && !!h && h.textContent.trim().startsWith(a.title)",
            new { prefix = "/" + list.DetailLink, title = list.DetailTitle });
    }

    private IEnumerable<(string, Func<Task>)> EnterOrder()
    {
        yield return ("open new order", () => Measure("open new order", () => page.Locator(".portal-nav a[href='sales/orders/new']").ClickAsync(),
            "return location.pathname === '/sales/orders/new' && !!document.querySelector('[data-testid=customer-lookup] input:not([disabled])')"));
        yield return ("pick customer", async () =>
        {
            await page.Locator("[data-testid=customer-lookup] input").FillAsync(data.RandomCustomerCode(random));
            await Measure("pick customer", () => page.Locator("[data-testid=customer-lookup] input").PressAsync("Enter"),
                "return !!document.querySelector('[data-testid=customer-lookup] [data-testid=lookup-chosen]')");
        });
        yield return ("add line (promise)", async () =>
        {
            await page.Locator("[data-testid=product-lookup] input").FillAsync(data.RandomSku(random));
            await Measure("add line (promise)", () => page.Locator("[data-testid=product-lookup] input").PressAsync("Enter"),
                "const d = document.querySelector('[data-testid=promise-1] [data-testid=promise-date]'); return !!d && d.textContent.trim().length > 0");
        });
        yield return ("change quantity (promise)", async () =>
        {
            var before = await page.Locator("[data-testid=promise-1] [data-testid=promise-date]").TextContentAsync();
            await page.Locator("#qty-1").FillAsync(random.Next(2, 10).ToString());
            await Measure("change quantity (promise)", () => page.Locator("#qty-1").PressAsync("Tab"),
                "const p = document.querySelector('[data-testid=promise-1] [data-testid=promise-date]'); return !!p && p.textContent !== a.before", new { before });
        });
        yield return ("save order", () => Measure("save order", () => page.GetByRole(AriaRole.Button, new() { Name = "Save order" }).ClickAsync(),
            "const h = document.querySelector('h1'); return /^\\/sales\\/orders\\/\\d+$/.test(location.pathname) && !!h && h.textContent.trim().startsWith('SO-')"));
    }

    private IEnumerable<(string, Func<Task>)> Receive()
    {
        yield return ("open receive dialog", async () =>
        {
            var rows = page.Locator($"{ListPage.Receiving.Grid} tbody tr.mud-table-row");
            var count = await rows.CountAsync();
            if (count == 0) return;
            await Measure("open receive dialog", () => rows.Nth(random.Next(count)).GetByRole(AriaRole.Button, new() { Name = "Receive" }).ClickAsync(),
                "return !!document.querySelector('[data-testid=receive-dialog] #receive-quantity')");
        });
        yield return ("receive PO line", async () =>
        {
            var quantity = page.Locator("[data-testid=receive-dialog] #receive-quantity");
            if (await quantity.CountAsync() == 0) return;
            await quantity.FillAsync("1");
            await Measure("receive PO line", () => page.Locator("[data-testid=receive-confirm]").ClickAsync(),
                "return !document.querySelector('[data-testid=receive-dialog]') || !!document.querySelector('[data-testid=receive-error]')");
            if (await page.Locator("[data-testid=receive-error]").CountAsync() > 0)
            {
                recorder.Refused("receive PO line", await page.Locator("[data-testid=receive-error]").InnerTextAsync());
                await page.Keyboard.PressAsync("Escape");
            }
        });
    }
}
