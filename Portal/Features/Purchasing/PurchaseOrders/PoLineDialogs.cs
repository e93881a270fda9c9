using MudBlazor;

namespace Portal.Features.Purchasing.PurchaseOrders;

/// <summary>
/// The dialogs that change one purchase order line, the same from the list and from the order's page. Each
/// returns what was saved, or null when the buyer backed out; <c>save</c> does the saving and returns why not.
/// </summary>
public static class PoLineDialogs
{
    private static readonly DialogOptions Options = new() { CloseOnEscapeKey = true, MaxWidth = MaxWidth.Small, FullWidth = true };

    public static async Task<int?> ChangeQuantityAsync(this IDialogService dialogs, PoLineRow line, Func<int, Task<string?>> save)
    {
        var dialog = await dialogs.ShowAsync<ChangeQuantityDialog>($"Change the quantity of {line.Number} line {line.LineNumber}",
            new DialogParameters<ChangeQuantityDialog> { { d => d.Line, line }, { d => d.Save, save } }, Options);
        return await dialog.Result is { Canceled: false, Data: int quantity } ? quantity : null;
    }

    public static async Task<DateOnly?> ChangeExpectedDateAsync(this IDialogService dialogs, PoLineRow line, DateOnly today, Func<DateOnly, Task<string?>> save)
    {
        var dialog = await dialogs.ShowAsync<ChangeExpectedDateDialog>($"Move {line.Number} line {line.LineNumber}",
            new DialogParameters<ChangeExpectedDateDialog> { { d => d.Line, line }, { d => d.Today, today }, { d => d.Save, save } }, Options);
        return await dialog.Result is { Canceled: false, Data: DateOnly date } ? date : null;
    }

    public static async Task<string?> CancelLineAsync(this IDialogService dialogs, PoLineRow line, Func<string, Task<string?>> save)
    {
        var dialog = await dialogs.ShowAsync<CancelLineDialog>($"Cancel the rest of {line.Number} line {line.LineNumber}",
            new DialogParameters<CancelLineDialog> { { d => d.Line, line }, { d => d.Save, save } }, Options);
        return await dialog.Result is { Canceled: false, Data: string reason } ? reason : null;
    }
}
