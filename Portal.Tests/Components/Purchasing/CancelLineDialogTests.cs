using Bunit;
using MudBlazor;
using Portal.Domain.Purchasing;
using Portal.Features.Purchasing.PurchaseOrders;

namespace Portal.Tests.Components.Purchasing;

/// <summary>Cancelling the rest of a purchase order line: no reason, no cancel; a refusal from the order keeps the dialog open.</summary>
public sealed class CancelLineDialogTests : ComponentTest
{
    // 100 ordered, 30 received: 70 still to come.
    private static readonly PoLineRow Row = new(42, 3, 2, "Acme Supply", "BP-1001", "Bolt pack", Ordered: 100, Received: 30, Cancelled: 0,
        ExpectedDate: new DateOnly(2026, 12, 4), PurchaseOrderStatus.Open, UnitCost: 2.5m);

    private async Task<(IRenderedComponent<DialogProviders> Host, IDialogReference Dialog, List<string> Saved)> ShowAsync(string? refusal = null)
    {
        var saved = new List<string>();
        var (host, dialog) = await DialogHost.ShowAsync(Context, "Cancel", new DialogParameters<CancelLineDialog>
        {
            { d => d.Line, Row },
            { d => d.Save, reason => { saved.Add(reason); return Task.FromResult(refusal); } },
        });
        host.WaitForAssertion(() => Assert.NotEmpty(host.FindAll(".mud-dialog")));
        return (host, dialog, saved);
    }

    private static void Confirm(IRenderedComponent<DialogProviders> host) =>
        host.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel 70 units").Click();

    [Theory]
    [InlineData("", "Reason is required.")]
    [InlineData("   ", "Reason is required.")]
    public async Task Without_a_reason_nothing_is_cancelled(string typed, string message)
    {
        var (host, dialog, saved) = await ShowAsync();

        host.Find("input#cancel-reason").Input(typed);
        Confirm(host);

        host.WaitForAssertion(() => Assert.Contains(message, host.Markup));
        Assert.Contains("nothing was saved", host.Find("[data-testid=dialog-error]").TextContent);
        Assert.Empty(saved);
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task A_reason_longer_than_the_history_keeps_is_refused()
    {
        var (host, dialog, saved) = await ShowAsync();

        host.Find("input#cancel-reason").Input(new string('x', PurchaseOrder.MaxReasonLength + 1));
        Confirm(host);

        host.WaitForAssertion(() => Assert.Contains($"Reason is longer than {PurchaseOrder.MaxReasonLength} characters.", host.Markup));
        Assert.Empty(saved);
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task The_dialog_says_what_goes_and_what_stays()
    {
        var (host, _, _) = await ShowAsync();

        Assert.Contains("The 70 units still to come are cancelled; the 30 received stay.", host.Find("[data-testid=cancel-line-hint]").TextContent);
    }

    [Fact]
    public async Task A_refusal_from_the_order_keeps_the_dialog_open_with_its_message()
    {
        var (host, dialog, saved) = await ShowAsync("PO-000042 was changed by someone else while you were editing. Reload it; nothing was saved.");

        host.Find("input#cancel-reason").Input("Supplier discontinued it");
        Confirm(host);

        host.WaitForAssertion(() => Assert.Contains("changed by someone else", host.Markup));
        Assert.Equal(["Supplier discontinued it"], saved);
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task A_reason_cancels_and_closes_with_the_reason_as_typed_without_its_spaces()
    {
        var (host, dialog, saved) = await ShowAsync();

        host.Find("input#cancel-reason").Input("  Supplier discontinued it ");
        Confirm(host);

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("Supplier discontinued it", result!.Data);
        Assert.Equal(["Supplier discontinued it"], saved);
    }
}
