using Bunit;
using MudBlazor;
using Portal.Features.Warehouse.Adjustments;

namespace Portal.Tests.Components.Warehouse;

/// <summary>A stock adjustment is a whole number that keeps stock at zero or more, with a reason; anything else is refused and nothing is saved.</summary>
public sealed class AdjustStockDialogTests : ComponentTest
{
    private static readonly StockRow Row = new(11, 1, "BP-100", "Hex bolt, M6", "MAIN", OnHand: 25, Allocated: 5);

    [Theory]
    [InlineData("2.5", "damaged", "Adjust by must be a whole number; \"2.5\" is not.")]
    [InlineData("-26", "damaged", "Adjust by must be between -25 and 1,000,000; got -26.")]
    [InlineData("999999999999", "damaged", "Adjust by must be between -25 and 1,000,000; got 999999999999.")]
    [InlineData("0", "damaged", "Adjust by must change the count; 0 does not.")]
    [InlineData("-3", "   ", "Reason is required.")]
    public async Task A_bad_adjustment_is_refused_with_its_message_and_nothing_is_saved(string delta, string reason, string message)
    {
        var saved = new List<(int, string)>();
        var (host, dialog) = await ShowAsync(saved);

        host.Find("#adjust-delta").Input(delta);
        host.Find("#adjust-reason").Input(reason);
        host.Find("[data-testid=adjust-confirm]").Click();

        host.WaitForAssertion(() => Assert.Contains(message, host.Markup));
        Assert.Empty(saved);
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task The_products_figures_show_before_the_adjustment_and_what_the_count_leaves_as_it_is_typed()
    {
        var (host, _) = await ShowAsync([]);

        var figures = host.FindAll("[data-testid=adjust-figures] div").Select(f => f.TextContent.Trim());
        Assert.Equal(["On hand25", "Allocated5", "Available20"], figures);

        host.Find("#adjust-delta").Input("-4");
        host.WaitForAssertion(() => Assert.Equal("After this count: 21 on hand, 16 available", host.Find("[data-testid=adjust-after]").TextContent));
        host.Find("#adjust-delta").Input("-22");
        host.WaitForAssertion(() => Assert.Equal("After this count: 3 on hand, below the 5 allocated: you will be asked before units are taken back",
            host.Find("[data-testid=adjust-after]").TextContent));
    }

    [Fact]
    public async Task A_good_adjustment_is_saved_as_typed()
    {
        var saved = new List<(int, string)>();
        var (host, dialog) = await ShowAsync(saved);

        host.Find("#adjust-delta").Input("-4");
        host.Find("#adjust-reason").Input(" cycle count ");
        host.Find("[data-testid=adjust-confirm]").Click();

        host.WaitForAssertion(() => Assert.Equal([(-4, "cycle count")], saved));
        Assert.Equal(-4, (await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5)))!.Data);
    }

    private Task<(IRenderedComponent<DialogProviders>, IDialogReference)> ShowAsync(List<(int, string)> saved) =>
        DialogHost.ShowAsync(Context, "Adjust", new DialogParameters<AdjustStockDialog>
        {
            { d => d.Row, Row },
            { d => d.Adjust, (delta, reason) => { saved.Add((delta, reason)); return Task.FromResult<string?>(null); } },
        });
}
