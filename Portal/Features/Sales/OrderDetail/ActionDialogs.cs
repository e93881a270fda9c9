using MudBlazor;
using Portal.Domain.Common;
using Portal.Domain.Sales;

namespace Portal.Features.Sales.OrderDetail;

/// <summary>
/// The order page's actions that ask something first, each an <see cref="ActionDialog"/> with its ranges taken from
/// the domain. Each returns true when the change was saved; <c>save</c> does the saving and returns why not.
/// </summary>
public static class ActionDialogs
{
    public static Task<bool> ChangeQuantityAsync(this IDialogService dialogs, OrderLineDetail line, Func<ActionInput, Task<string?>> save) =>
        dialogs.AskAsync($"Change quantity of line {line.LineNumber} ({line.Sku})", new()
        {
            { d => d.Hint, line.Shipped + line.Cancelled > 0
                ? $"{line.Shipped} shipped and {line.Cancelled} cancelled: the quantity cannot go below {line.MinimumQuantity}."
                : "Lowering the quantity takes backordered units first, then gives allocated stock back." },
            { d => d.QuantityLabel, "New quantity" },
            { d => d.Quantity, line.Ordered },
            { d => d.Min, line.MinimumQuantity },
            { d => d.Max, Guard.MaxQuantity },
            { d => d.Confirm, "Change quantity" },
            { d => d.Save, save },
        });

    public static Task<bool> CancelBackorderedAsync(this IDialogService dialogs, OrderLineDetail line, Func<ActionInput, Task<string?>> save) =>
        dialogs.AskAsync($"Cancel backordered units on line {line.LineNumber} ({line.Sku})", new()
        {
            { d => d.Hint, $"{line.Backordered} units are waiting. Allocated and shipped units are not affected." },
            { d => d.QuantityLabel, "Units to cancel" },
            { d => d.Quantity, line.Backordered },
            { d => d.Min, 1 },
            { d => d.Max, line.Backordered },
            { d => d.ReasonLabel, "Reason" },
            { d => d.ReasonHelp, "The customer's words" },
            { d => d.ReasonRequired, true },
            { d => d.Confirm, "Cancel units" },
            { d => d.Danger, true },
            { d => d.Save, save },
        });

    public static Task<bool> PutOnHoldAsync(this IDialogService dialogs, string orderNumber, Func<ActionInput, Task<string?>> save) =>
        dialogs.AskAsync($"Put {orderNumber} on hold", new()
        {
            { d => d.Hint, "A held order gets no new stock and nothing ships until it is released." },
            { d => d.ReasonLabel, "Reason (optional)" },
            { d => d.Confirm, "Put on hold" },
            { d => d.Save, save },
        });

    public static Task<bool> ExpediteAsync(this IDialogService dialogs, string orderNumber, Func<ActionInput, Task<string?>> save) =>
        dialogs.AskAsync($"Expedite {orderNumber}", new()
        {
            { d => d.Hint, "Expedite orders are served first when stock is short, ahead of every customer tier." },
            { d => d.ReasonLabel, "Reason" },
            { d => d.ReasonRequired, true },
            { d => d.Confirm, "Expedite" },
            { d => d.Save, save },
        });

    private static async Task<bool> AskAsync(this IDialogService dialogs, string title, DialogParameters<ActionDialog> parameters)
    {
        var dialog = await dialogs.ShowAsync<ActionDialog>(title, parameters,
            new DialogOptions { CloseOnEscapeKey = true, MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        return result is { Canceled: false };
    }
}
