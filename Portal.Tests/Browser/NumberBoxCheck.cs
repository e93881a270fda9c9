using Microsoft.Playwright;

namespace Portal.Tests.Browser;

/// <summary>Where boxes are tried: a dialog, or the page itself; Url is the address the form was on.</summary>
internal sealed record FormScope(string Name, ILocator Root, bool IsDialog, string Url);

/// <summary>
/// Types each of a number box's tries (<see cref="NumberBox.Tries"/>) key by key, as a user does, and checks the box:
/// a text it must take is held exactly (data-value) and left as typed; any other is refused under the box with a message
/// naming it, stays as typed, and the form's save (data-saves) saves nothing. What goes wrong is collected, not thrown,
/// so one run lists every box that misbehaves.
/// </summary>
internal sealed class NumberBoxCheck(IPage page)
{
    public const string Boxes = "input[data-numeric]";
    private const string Saved = ".mud-snackbar.mud-alert-filled-success";

    private readonly HashSet<string> tried = [];
    private readonly Dictionary<string, Dictionary<string, string>> shownAtStart = [];
    private readonly HashSet<string> screenshots = [];

    public List<string> Problems { get; } = [];
    public HashSet<string> CheckedIds { get; } = [];

    /// <summary>Tries every box of the form not tried before under this key (rows of one grid count once); returns how many.</summary>
    public async Task<int> TryBoxesAsync(FormScope scope, string formKey)
    {
        var boxes = new List<NumberBox>();
        foreach (var input in await scope.Root.Locator(Boxes + ":visible").AllAsync())
        {
            try
            {
                var box = await NumberBox.ReadAsync(input);
                if (tried.Add($"{formKey} | {box.Label} | {box.Min}..{box.Max}"))
                {
                    boxes.Add(box);
                }
            }
            catch (InvalidOperationException e)
            {
                Problems.Add($"{scope.Name}: {e.Message}");
            }
        }

        var start = shownAtStart[scope.Name] = [];
        foreach (var box in boxes)
        {
            start[box.Id] = await Input(scope, box).InputValueAsync();
        }

        foreach (var box in boxes)
        {
            await TryAsync(scope, box);
        }

        return boxes.Count;
    }

    /// <summary>The form, shown again from what is stored, holds what it held before the tries: nothing was saved.</summary>
    public async Task NothingSavedAsync(FormScope scope)
    {
        foreach (var (id, value) in shownAtStart[scope.Name])
        {
            var input = scope.Root.Locator($"input[id='{id}']");
            if (await input.CountAsync() == 1 && await input.InputValueAsync() != value)
            {
                Problems.Add($"{scope.Name}: #{id} shows \"{await input.InputValueAsync()}\" after the tries, not \"{value}\" as before: something was saved");
            }
        }

        if (await page.Locator(Saved).CountAsync() > 0)
        {
            Problems.Add($"{scope.Name}: a \"saved\" message appeared: {await page.Locator(Saved).First.InnerTextAsync()}");
        }
    }

    private async Task TryAsync(FormScope scope, NumberBox box)
    {
        CheckedIds.Add(box.Id);
        var input = Input(scope, box);
        // The message MudBlazor shows under the box (Has looks inside each control, so it names the input from there).
        var error = scope.Root.Locator(".mud-input-control").Filter(new() { Has = page.Locator($"input[id='{box.Id}']") })
            .Locator(".mud-input-helper-text.mud-input-error");
        foreach (var typed in box.Tries())
        {
            try
            {
                await TypeAsync(input, typed);
                await SettledAsync(box, typed);
                if (box.Takes(typed))
                {
                    await Assertions.Expect(input).ToHaveAttributeAsync("data-value", NumberBox.Held(typed));
                    await Assertions.Expect(error).ToHaveCountAsync(0);
                    await Assertions.Expect(input).ToHaveValueAsync(typed);
                    continue;
                }

                await Assertions.Expect(error).ToContainTextAsync(box.Label);
                await Assertions.Expect(error).ToContainTextAsync(typed);
                await Assertions.Expect(input).ToHaveValueAsync(typed);
                if (screenshots.Add(scope.Name))
                {
                    await BrowserSession.ScreenshotAsync(page, $"numeric/{AppRoutes.Slug(scope.Name.Replace(" · ", "-", StringComparison.Ordinal))}", fullPage: false);
                }

                await SaveIsRefusedAsync(scope, input, error, box, typed);
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                // The form is in an unknown state now: the box's remaining tries would only repeat the failure.
                var should = box.Takes(typed) ? "should hold it exactly" : "should refuse it with a message naming the box and save nothing";
                Problems.Add($"{scope.Name}: {box.Label} (#{box.Id}) given \"{typed}\" {should}: {string.Join(" ", e.Message.Split('\n').Take(4))}");
                return;
            }
        }
    }

    private async Task SaveIsRefusedAsync(FormScope scope, ILocator input, ILocator error, NumberBox box, string typed)
    {
        var save = scope.Root.Locator("[data-saves]:visible");
        if (await save.CountAsync() != 1)
        {
            Problems.Add($"{scope.Name}: {await save.CountAsync()} visible buttons marked data-saves beside {box.Label}; the walk needs the one that saves it");
            return;
        }

        if (!await save.IsEnabledAsync())
        {
            return; // nothing can be saved while the form offers no save
        }

        await save.ClickAsync();
        await Assertions.Expect(input).ToHaveValueAsync(typed);
        await Assertions.Expect(error).ToContainTextAsync(box.Label);
        await Assertions.Expect(page.Locator(Saved)).ToHaveCountAsync(0);
        if (scope.IsDialog)
        {
            await Assertions.Expect(scope.Root).ToBeVisibleAsync();
        }
        else
        {
            await Assertions.Expect(page).ToHaveURLAsync(scope.Url);
        }
    }

    /// <summary>
    /// Waits, checking each frame, until the server has answered the last key: the box holds the number, or shows a
    /// message naming it and the text. The assertions after it say what is wrong when it never does.
    /// </summary>
    private async Task SettledAsync(NumberBox box, string typed)
    {
        const string Script = """
            ([id, label, typed, held]) => {
                const input = document.getElementById(id);
                const error = input?.closest('.mud-input-control')?.querySelector('.mud-input-helper-text.mud-input-error');
                return held !== null ? input?.dataset.value === held && !error
                                     : !!error && error.innerText.includes(label) && error.innerText.includes(typed);
            }
            """;
        try
        {
            await page.WaitForFunctionAsync(Script, new[] { box.Id, box.Label, typed, box.Takes(typed) ? NumberBox.Held(typed) : null },
                new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
        }
    }

    private static ILocator Input(FormScope scope, NumberBox box) => scope.Root.Locator($"input[id='{box.Id}']");

    private static async Task TypeAsync(ILocator input, string text)
    {
        await input.ClickAsync();
        await input.PressAsync("Control+a");
        await input.PressSequentiallyAsync(text);
    }
}
