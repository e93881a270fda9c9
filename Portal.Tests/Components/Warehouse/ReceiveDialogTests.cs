using Bunit;
using MudBlazor;
using Portal.Features.Warehouse.Receiving;

namespace Portal.Tests.Components.Warehouse;

/// <summary>The receive dialog takes what is typed, between 1 and what is still open, or refuses it with a message and saves nothing.</summary>
public sealed class ReceiveDialogTests : ComponentTest
{
    private static readonly OpenPoLine Line = new(7, 2, "Fastener Supply", 11, "BP-100", "Hex bolt, M6", Ordered: 40, Received: 10, new DateOnly(2026, 12, 3));

    [Theory]
    [InlineData("1.5", "Received quantity must be a whole number; \"1.5\" is not.")]
    [InlineData("abc", "Received quantity must be a whole number; \"abc\" is not.")]
    [InlineData("0", "Received quantity must be between 1 and 30; got 0.")]
    [InlineData("31", "Received quantity must be between 1 and 30; got 31.")]
    [InlineData("999999999999", "Received quantity must be between 1 and 30; got 999999999999.")]
    [InlineData("", "Received quantity is required.")]
    public async Task A_bad_quantity_is_refused_with_its_message_and_nothing_is_received(string typed, string message)
    {
        var received = new List<int>();
        var (host, dialog) = await ShowAsync(received);

        host.Find("#receive-quantity").Input(typed);
        host.Find("[data-testid=receive-confirm]").Click();

        host.WaitForAssertion(() => Assert.Contains(message, host.Markup));
        Assert.Empty(received);
        Assert.False(dialog.Result.IsCompleted); // still open: the user can correct it
    }

    [Fact]
    public async Task The_open_quantity_is_offered_and_what_is_typed_is_received()
    {
        var received = new List<int>();
        var (host, dialog) = await ShowAsync(received);
        Assert.Equal("30", host.Find("#receive-quantity").GetAttribute("value"));

        host.Find("#receive-quantity").Input("12");
        host.Find("[data-testid=receive-confirm]").Click();

        host.WaitForAssertion(() => Assert.Equal([12], received));
        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(12, result!.Data);
    }

    [Fact]
    public async Task A_refusal_from_the_purchase_order_is_shown_and_the_dialog_stays_open()
    {
        var (host, dialog) = await ShowAsync([], refusal: "Purchase order PO-000007 is closed.");

        host.Find("[data-testid=receive-confirm]").Click();

        host.WaitForAssertion(() => Assert.Equal("Purchase order PO-000007 is closed.", host.Find("[data-testid=receive-error]").TextContent.Trim()));
        Assert.False(dialog.Result.IsCompleted);
    }

    private Task<(IRenderedComponent<DialogProviders>, IDialogReference)> ShowAsync(List<int> received, string? refusal = null) =>
        DialogHost.ShowAsync(Context, "Receive", new DialogParameters<ReceiveDialog>
        {
            { d => d.Line, Line },
            { d => d.Receive, quantity => { received.Add(quantity); return Task.FromResult(refusal); } },
        });
}
