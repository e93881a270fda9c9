using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Domain.Purchasing;
using Portal.Features.Purchasing.PurchaseOrders;

namespace Portal.Tests.Components.Purchasing;

/// <summary>
/// The purchase order dialogs: a bad quantity, date or cost is refused with a message naming the field and nothing is
/// saved; a good one is saved exactly as typed.
/// </summary>
public sealed class PurchaseOrderDialogTests : ComponentTest
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static readonly PoLineRow Row = new(42, 3, 1, "Acme Supply", "BP-1001", "Bolt pack", Ordered: 100, Received: 30, Cancelled: 0,
        ExpectedDate: new DateOnly(2026, 11, 20), PurchaseOrderStatus.Open, UnitCost: 2.5m);

    private static readonly ProductPick Bolt = new(7, "BP-1001", "Bolt pack", 1, PackSize: 10, LeadTimeDays: 5, LastCost: 2.75m);

    private static readonly ProductPick NeverBought = Bolt with { LastCost = null };

    private static async Task<(IRenderedComponent<DialogProviders> Host, IDialogReference Dialog)> ShowAsync<TDialog>(
        BunitContext context, DialogParameters<TDialog> parameters)
        where TDialog : ComponentBase
    {
        var (host, dialog) = await DialogHost.ShowAsync(context, "Test", parameters);
        host.WaitForAssertion(() => Assert.NotEmpty(host.FindAll(".mud-dialog")));
        return (host, dialog);
    }

    private static void Click(IRenderedComponent<DialogProviders> host, string text) =>
        host.FindAll("button").Single(b => b.TextContent.Trim() == text).Click();

    [Theory]
    [InlineData("1.5", "Ordered quantity must be a whole number; \"1.5\" is not.")]
    [InlineData("abc", "Ordered quantity must be a whole number; \"abc\" is not.")]
    [InlineData("29", "Ordered quantity must be between 30 and 1,000,000; got 29.")] // 30 already received
    [InlineData("1000001", "Ordered quantity must be between 30 and 1,000,000; got 1000001.")]
    [InlineData("", "Ordered quantity is required.")]
    public async Task A_bad_quantity_is_refused_with_its_message_and_nothing_is_saved(string typed, string message)
    {
        var saved = new List<int>();
        var (host, dialog) = await ShowAsync(Context, new DialogParameters<ChangeQuantityDialog>
        {
            { d => d.Line, Row },
            { d => d.Save, q => { saved.Add(q); return Task.FromResult<string?>(null); } },
        });

        host.Find("input#ordered-quantity").Input(typed);
        Click(host, "Save quantity");

        host.WaitForAssertion(() => Assert.Contains(message, host.Markup));
        Assert.Contains("nothing was saved", host.Find("[data-testid=dialog-error]").TextContent);
        Assert.Empty(saved);
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task A_good_quantity_is_saved_as_typed_and_a_refusal_from_the_service_keeps_the_dialog_open()
    {
        var saved = new List<int>();
        string? refusal = "PO-000042 was changed by someone else while you were editing. Reload it; nothing was saved.";
        var (host, dialog) = await ShowAsync(Context, new DialogParameters<ChangeQuantityDialog>
        {
            { d => d.Line, Row },
            { d => d.Save, q => { saved.Add(q); return Task.FromResult<string?>(refusal); } },
        });

        host.Find("input#ordered-quantity").Input("1,200");
        Click(host, "Save quantity");
        host.WaitForAssertion(() => Assert.Contains("changed by someone else", host.Markup));
        Assert.False(dialog.Result.IsCompleted);

        refusal = null;
        Click(host, "Save quantity");
        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal([1_200, 1_200], saved);
        Assert.Equal(1_200, result!.Data);
    }

    [Fact]
    public async Task An_expected_date_before_today_is_refused_and_nothing_is_saved()
    {
        var saved = new List<DateOnly>();
        var (host, dialog) = await ShowAsync(Context, new DialogParameters<ChangeExpectedDateDialog>
        {
            { d => d.Line, Row }, // expected Fri 20 Nov, four days ago: overdue
            { d => d.Today, Today },
            { d => d.Save, d => { saved.Add(d); return Task.FromResult<string?>(null); } },
        });

        Click(host, "Save date");

        host.WaitForAssertion(() => Assert.Contains("Expected date cannot be before today (Tue 24 Nov 2026).", host.Markup));
        Assert.Empty(saved);
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task An_expected_date_is_required()
    {
        var (host, _) = await ShowAsync(Context, new DialogParameters<ChangeExpectedDateDialog>
        {
            { d => d.Line, Row }, { d => d.Today, Today }, { d => d.Save, _ => Task.FromResult<string?>(null) },
        });
        var dialog = host.FindComponent<ChangeExpectedDateDialog>().Instance;

        Assert.Equal("Expected date is required.", dialog.Check(null));
        Assert.Null(dialog.Check(new DateTime(2026, 11, 24)));
    }

    [Theory]
    [InlineData("0", "2.50", "Quantity must be between 1 and 1,000,000; got 0.")]
    [InlineData("-5", "2.50", "Quantity must be between 1 and 1,000,000; got -5.")]
    [InlineData("1.5", "2.50", "Quantity must be a whole number; \"1.5\" is not.")]
    [InlineData("10", "abc", "Unit cost (USD) must be a number with a point for decimals; \"abc\" is not.")]
    [InlineData("10", "2,50", "Unit cost (USD) must be a number with a point for decimals; \"2,50\" is not.")] // not 250: commas only group thousands
    [InlineData("10", "0", "Unit cost (USD) must be between 0.0001 and 1,000,000; got 0.")]
    [InlineData("10", "-1", "Unit cost (USD) must be between 0.0001 and 1,000,000; got -1.")]
    [InlineData("10", "2000000", "Unit cost (USD) must be between 0.0001 and 1,000,000; got 2000000.")]
    [InlineData("10", "1.23456", "Unit cost (USD) can have at most 4 decimals; got 1.23456.")]
    [InlineData("10", "", "Unit cost (USD) is required.")]
    public async Task A_new_line_with_a_bad_quantity_or_cost_is_refused_with_its_message_and_not_added(string quantity, string cost, string message)
    {
        var (host, dialog) = await ShowAsync(Context, new DialogParameters<NewPoLineDialog>
        {
            { d => d.Product, Bolt }, { d => d.Today, Today }, { d => d.SuggestedDate, new DateOnly(2026, 12, 1) },
        });

        host.Find("input#line-quantity").Input(quantity);
        host.Find("input#line-cost").Input(cost);
        Click(host, "Add line");

        host.WaitForAssertion(() => Assert.Contains(message, host.Markup));
        Assert.Contains("the line was not added", host.Find("[data-testid=dialog-error]").TextContent);
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task A_new_line_expected_before_today_is_refused_and_not_added()
    {
        var (host, dialog) = await ShowAsync(Context, new DialogParameters<NewPoLineDialog>
        {
            { d => d.Product, Bolt }, { d => d.Today, Today }, { d => d.SuggestedDate, new DateOnly(2026, 11, 23) },
        });

        Click(host, "Add line");

        host.WaitForAssertion(() => Assert.Contains("Expected date cannot be before today (Tue 24 Nov 2026).", host.Markup));
        Assert.Contains("the line was not added", host.Find("[data-testid=dialog-error]").TextContent);
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task A_new_line_costs_what_the_product_last_cost()
    {
        var (host, dialog) = await ShowAsync(Context, new DialogParameters<NewPoLineDialog>
        {
            { d => d.Product, Bolt }, { d => d.Today, Today }, { d => d.SuggestedDate, new DateOnly(2026, 12, 1) },
        });

        Assert.Equal("2.75", host.Find("input#line-cost").GetAttribute("value"));
        Assert.Contains("Last bought at USD 2.75", host.Markup);
        Click(host, "Add line");

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(new NewPurchaseOrderLine(7, 10, new DateOnly(2026, 12, 1), 2.75m), result!.Data);
    }

    [Fact]
    public async Task A_product_never_bought_gets_no_cost_of_0_but_waits_for_one()
    {
        var (host, dialog) = await ShowAsync(Context, new DialogParameters<NewPoLineDialog>
        {
            { d => d.Product, NeverBought }, { d => d.Today, Today }, { d => d.SuggestedDate, new DateOnly(2026, 12, 1) },
        });

        Assert.True(string.IsNullOrEmpty(host.Find("input#line-cost").GetAttribute("value")));
        Click(host, "Add line");

        host.WaitForAssertion(() => Assert.Contains("Unit cost (USD) is required.", host.Markup));
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task A_new_line_without_an_expected_date_is_refused()
    {
        var (host, dialog) = await ShowAsync(Context, new DialogParameters<NewPoLineDialog> { { d => d.Product, Bolt }, { d => d.Today, Today } });

        Click(host, "Add line");

        host.WaitForAssertion(() => Assert.Contains("Expected date is required.", host.Markup));
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task A_good_new_line_is_added_exactly_as_typed()
    {
        var (host, dialog) = await ShowAsync(Context, new DialogParameters<NewPoLineDialog>
        {
            { d => d.Product, Bolt }, { d => d.Today, Today }, { d => d.SuggestedQuantity, 20 }, { d => d.SuggestedDate, new DateOnly(2026, 12, 1) },
        });

        Assert.Equal("20", host.Find("input#line-quantity").GetAttribute("value"));
        host.Find("input#line-quantity").Input("25");
        host.Find("input#line-cost").Input("12.3456");
        Click(host, "Add line");

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(new NewPurchaseOrderLine(7, 25, new DateOnly(2026, 12, 1), 12.3456m), result!.Data);
    }
}
