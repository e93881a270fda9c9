using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Domain.Allocation;
using Portal.Domain.Sales;
using Portal.Features.Sales.OrderDetail;

namespace Portal.Tests.Components.Sales;

/// <summary>
/// The order page's action dialogs, shown through IDialogService as the page shows them: a value the dialog cannot
/// take exactly is refused with a message naming the field, and nothing reaches the save.
/// </summary>
public sealed class ActionDialogTests : ComponentTest
{
    // 6 ordered, 2 allocated, 4 backordered, nothing shipped or cancelled yet.
    private static readonly OrderLineDetail Line = new(1, 10, "WID-1", "Widget", 2.50m, 6, 2, 0, 0, 4, LineStatus.PartiallyAllocated,
        new DateOnly(2026, 12, 1), EtaBasis.PurchaseOrder, false, 12, "Waiting for PO-000012", null);

    private readonly List<ActionInput> saved = [];
    private readonly IRenderedComponent<MudDialogProvider> provider;
    private readonly IDialogService dialogs;
    private Task<bool>? shown;

    public ActionDialogTests()
    {
        Context.Render<MudPopoverProvider>();
        provider = Context.Render<MudDialogProvider>();
        dialogs = Context.Services.GetRequiredService<IDialogService>();
    }

    [Theory]
    [InlineData("999999999999", "New quantity must be between 1 and 1,000,000; got 999999999999.")]
    [InlineData("1.5", "New quantity must be a whole number; \"1.5\" is not.")]
    [InlineData("abc", "New quantity must be a whole number; \"abc\" is not.")]
    [InlineData("-1", "New quantity must be between 1 and 1,000,000; got -1.")]
    [InlineData("", "New quantity is required.")]
    public void Change_quantity_refuses_what_it_cannot_take_exactly_and_saves_nothing(string typed, string message)
    {
        Show(save => dialogs.ChangeQuantityAsync(Line, save));
        Assert.Equal("6", provider.Find("#action-quantity").GetAttribute("value"));
        Assert.Contains("1 to 1,000,000", provider.Markup); // the domain's range, shown under the box

        provider.Find("#action-quantity").Input(typed);
        Confirm();

        provider.WaitForAssertion(() => Assert.Contains(message, provider.Markup));
        Assert.Empty(saved);
        Assert.False(shown!.IsCompleted); // still open: the rep can correct it
    }

    [Fact]
    public void Change_quantity_cannot_go_below_what_shipped_and_was_cancelled()
    {
        var line = Line with { Shipped = 2, Cancelled = 1, Allocated = 0, Backordered = 3 };
        Show(save => dialogs.ChangeQuantityAsync(line, save));

        provider.Find("#action-quantity").Input("2");
        Confirm();

        provider.WaitForAssertion(() => Assert.Contains("New quantity must be between 3 and 1,000,000; got 2.", provider.Markup));
        Assert.Empty(saved);
    }

    [Fact]
    public void Change_quantity_saves_exactly_what_was_typed()
    {
        Show(save => dialogs.ChangeQuantityAsync(Line, save));

        provider.Find("#action-quantity").Input("9");
        Confirm();

        provider.WaitForAssertion(() => Assert.Equal([new ActionInput(9, null)], saved));
        provider.WaitForAssertion(() => Assert.True(shown!.IsCompletedSuccessfully && shown.Result));
    }

    [Fact]
    public void A_refusal_from_the_order_is_shown_in_the_dialog_and_it_stays_open()
    {
        Show(save => dialogs.ChangeQuantityAsync(Line, save), refuse: "Line 1 is already for 6 units.");

        Confirm();

        provider.WaitForAssertion(() => Assert.Contains("Line 1 is already for 6 units.", provider.Find("[data-testid=action-refused]").TextContent));
        Assert.False(shown!.IsCompleted);
    }

    [Theory]
    [InlineData("7", "Units to cancel must be between 1 and 6; got 7.")]
    [InlineData("0", "Units to cancel must be between 1 and 6; got 0.")]
    [InlineData("2.5", "Units to cancel must be a whole number; \"2.5\" is not.")]
    public void Cancel_units_refuses_more_than_is_not_yet_shipped_and_saves_nothing(string typed, string message)
    {
        Show(save => dialogs.CancelUnitsAsync(Line, save));
        provider.Find("#action-reason").Input("Customer found them elsewhere");

        provider.Find("#action-quantity").Input(typed);
        Confirm();

        provider.WaitForAssertion(() => Assert.Contains(message, provider.Markup));
        Assert.Empty(saved);
    }

    [Fact]
    public void Cancel_units_offers_the_waiting_units_and_needs_a_reason()
    {
        Show(save => dialogs.CancelUnitsAsync(Line, save));
        Assert.Equal("4", provider.Find("#action-quantity").GetAttribute("value"));

        Confirm();

        provider.WaitForAssertion(() => Assert.Contains("Reason is required.", provider.Markup));
        Assert.Empty(saved);

        provider.Find("#action-reason").Input("  Customer found them elsewhere ");
        Confirm();
        provider.WaitForAssertion(() => Assert.Equal([new ActionInput(4, "Customer found them elsewhere")], saved));
    }

    [Fact]
    public void Cancel_order_says_what_goes_and_needs_a_reason()
    {
        var order = new OrderDetail(1, 1, OrderStatus.Open, 7, "C1", "Acme", 3, "MAIN", "sam", DateTimeOffset.UnixEpoch, null, null,
            false, false, null, false, "USD", [Line], []);
        Show(save => dialogs.CancelOrderAsync(order, save));
        Assert.Contains("Cancels the 6 units not shipped yet on every line. 2 allocated units leave the pick list", provider.Markup);

        Confirm();
        provider.WaitForAssertion(() => Assert.Contains("Reason is required.", provider.Markup));
        Assert.Empty(saved);

        provider.Find("#action-reason").Input("Project cancelled");
        Confirm();
        provider.WaitForAssertion(() => Assert.Equal([new ActionInput(0, "Project cancelled")], saved));
    }

    [Fact]
    public void Expedite_needs_a_reason()
    {
        Show(save => dialogs.ExpediteAsync("SO-000001", save));

        provider.Find("#action-reason").Input("   ");
        Confirm();

        provider.WaitForAssertion(() => Assert.Contains("Reason is required.", provider.Markup));
        Assert.Empty(saved);
    }

    [Fact]
    public void Hold_takes_no_reason_but_refuses_one_longer_than_the_order_keeps()
    {
        Show(save => dialogs.PutOnHoldAsync("SO-000001", save));

        provider.Find("#action-reason").Input(new string('x', SalesOrder.MaxReasonLength + 1));
        Confirm();

        provider.WaitForAssertion(() => Assert.Contains($"Reason (optional) is longer than {SalesOrder.MaxReasonLength} characters.", provider.Markup));
        Assert.Empty(saved);

        provider.Find("#action-reason").Input("");
        Confirm();
        provider.WaitForAssertion(() => Assert.Equal([new ActionInput(0, null)], saved));
    }

    private void Show(Func<Func<ActionInput, Task<string?>>, Task<bool>> open, string? refuse = null)
    {
        provider.InvokeAsync(() => shown = open(input =>
        {
            if (refuse is null)
            {
                saved.Add(input);
            }

            return Task.FromResult(refuse);
        }));
        provider.WaitForElement("[data-testid=action-confirm]");
    }

    private void Confirm() => provider.Find("[data-testid=action-confirm]").Click();
}
