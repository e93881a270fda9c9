using Bunit;
using MudBlazor;
using Portal.Features.Warehouse.Picking;

namespace Portal.Tests.Components.Warehouse;

/// <summary>
/// Shipping one line: a whole number from 1 to what is allocated (all of it on a ship-complete order); a release of the rest
/// needs a reason. Anything else is refused under its field and nothing is shipped.
/// </summary>
public sealed class ShipLineDialogTests : ComponentTest
{
    private static readonly PickLine Line = new(42, 2, "BP-10007", "Ball valve, 1/2 in", Allocated: 5);

    [Theory]
    [InlineData("", "Ship quantity is required.")]
    [InlineData("2.5", "Ship quantity must be a whole number; \"2.5\" is not.")]
    [InlineData("0", "Ship quantity must be between 1 and 5; got 0.")]
    [InlineData("6", "Ship quantity must be between 1 and 5; got 6.")]
    public async Task A_quantity_outside_what_is_allocated_is_refused_with_its_message(string typed, string message)
    {
        var shipped = new List<ShipLine>();
        var (host, dialog) = await ShowAsync(shipped);

        host.Find("#ship-quantity").Input(typed);
        host.Find("[data-testid=ship-confirm]").Click();

        host.WaitForAssertion(() => Assert.Contains(message, host.Markup));
        Assert.Empty(shipped);
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task Releasing_the_rest_without_a_reason_is_refused_and_nothing_ships()
    {
        var shipped = new List<ShipLine>();
        var (host, dialog) = await ShowAsync(shipped);

        host.Find("#ship-quantity").Input("2");
        ChooseRelease(host);
        host.Find("#ship-reason").Input("   ");
        host.Find("[data-testid=ship-confirm]").Click();

        host.WaitForAssertion(() => Assert.Contains("Reason is required to release units back to stock.", host.Markup));
        Assert.Empty(shipped);
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task Part_of_a_line_ships_with_the_rest_kept_unless_the_user_releases_it_with_a_reason()
    {
        var shipped = new List<ShipLine>();
        var (host, _) = await ShowAsync(shipped);
        Assert.Empty(host.FindAll("[data-testid=ship-rest]")); // every allocated unit ships until a smaller quantity is typed

        host.Find("#ship-quantity").Input("2");
        host.WaitForAssertion(() => Assert.Contains("Keep the other 3 allocated", host.Markup));
        ChooseRelease(host);
        host.Find("#ship-reason").Input(" Carton crushed ");
        host.Find("[data-testid=ship-confirm]").Click();

        host.WaitForAssertion(() => Assert.Equal([new ShipLine(42, 2, 5, 2, RestOfLine.ReleasedBack, "Carton crushed")], shipped));
    }

    [Fact]
    public async Task A_ship_complete_order_ships_every_allocated_unit_of_the_line()
    {
        var shipped = new List<ShipLine>();
        var (host, dialog) = await ShowAsync(shipped, shipComplete: true);

        host.Find("#ship-quantity").Input("3");
        host.Find("[data-testid=ship-confirm]").Click();

        host.WaitForAssertion(() => Assert.Contains("Ship quantity must be between 5 and 5; got 3.", host.Markup));
        Assert.Empty(host.FindAll("[data-testid=ship-rest]"));
        host.Find("#ship-quantity").Input("5");
        host.Find("[data-testid=ship-confirm]").Click();
        host.WaitForAssertion(() => Assert.Equal([new ShipLine(42, 2, 5, 5)], shipped));
        Assert.Equal(new ShipLine(42, 2, 5, 5), (await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5)))!.Data);
    }

    private static void ChooseRelease(IRenderedComponent<DialogProviders> host) =>
        host.WaitForAssertion(() => host.FindAll("[data-testid=ship-rest] input[type=radio]")[1].Click());

    private Task<(IRenderedComponent<DialogProviders>, IDialogReference)> ShowAsync(List<ShipLine> shipped, bool shipComplete = false) =>
        DialogHost.ShowAsync(Context, "Ship", new DialogParameters<ShipLineDialog>
        {
            { d => d.Line, Line },
            { d => d.ShipComplete, shipComplete },
            { d => d.Ship, ship => { shipped.Add(ship); return Task.FromResult<string?>(null); } },
        });
}
