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

    public static Task<bool> CancelUnitsAsync(this IDialogService dialogs, OrderLineDetail line, Func<ActionInput, Task<string?>> save) =>
        dialogs.AskAsync($"Cancel units on line {line.LineNumber} ({line.Sku})", new()
        {
            { d => d.Hint, CancelHint(line) },
            { d => d.QuantityLabel, "Units to cancel" },
            { d => d.Quantity, line.Backordered > 0 ? line.Backordered : line.Unshipped },
            { d => d.Min, 1 },
            { d => d.Max, line.Unshipped },
            { d => d.ReasonLabel, "Reason" },
            { d => d.ReasonHelp, "The customer's words; the customer is emailed that the units are cancelled" },
            { d => d.ReasonRequired, true },
            { d => d.Confirm, "Cancel units" },
            { d => d.Danger, true },
            { d => d.Save, save },
        });

    public static Task<bool> CancelOrderAsync(this IDialogService dialogs, OrderDetail order, Func<ActionInput, Task<string?>> save) =>
        dialogs.AskAsync($"Cancel {order.Number}", new()
        {
            { d => d.Hint, CancelHint(order) },
            { d => d.ReasonLabel, "Reason" },
            { d => d.ReasonHelp, "The customer's words; the customer is emailed that the order is cancelled" },
            { d => d.ReasonRequired, true },
            { d => d.Confirm, "Cancel order" },
            { d => d.Danger, true },
            { d => d.Save, save },
        });

    private static string CancelHint(OrderLineDetail line) =>
        $"{line.Unshipped} units are not shipped yet: {line.Backordered} waiting and {line.Allocated} allocated. Waiting units are "
        + "cancelled first, then allocated ones, which leave the pick list and go to the next customer waiting."
        + (line.Shipped > 0 ? $" The {line.Shipped} shipped units stay shipped." : "");

    private static string CancelHint(OrderDetail order)
    {
        var unshipped = order.Lines.Sum(l => l.Unshipped);
        var allocated = order.Lines.Sum(l => l.Allocated);
        var shipped = order.Lines.Sum(l => l.Shipped);
        return $"Cancels the {unshipped} units not shipped yet on every line. {allocated} allocated units leave the pick list and go to the "
               + "next customers waiting. " + (shipped > 0 ? $"The {shipped} shipped units stay shipped and the order closes as shipped." : "The order becomes Cancelled.");
    }

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
