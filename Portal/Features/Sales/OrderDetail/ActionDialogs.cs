using Radzen;

namespace Portal.Features.Sales.OrderDetail;

public static class ActionDialogs
{
    /// <summary>Opens an <see cref="ActionDialog"/>; null when the rep backs out.</summary>
    public static async Task<ActionInput?> AskAsync(this DialogService dialogs, string title, string hint, string? quantityLabel, int quantity,
        int? min, int? max, string? reasonLabel, string confirm, bool reasonRequired = true, bool danger = false) =>
        await dialogs.OpenAsync<ActionDialog>(title, new Dictionary<string, object?>
        {
            [nameof(ActionDialog.Hint)] = hint,
            [nameof(ActionDialog.QuantityLabel)] = quantityLabel,
            [nameof(ActionDialog.Quantity)] = quantity,
            [nameof(ActionDialog.Min)] = (decimal?)min,
            [nameof(ActionDialog.Max)] = (decimal?)max,
            [nameof(ActionDialog.ReasonLabel)] = reasonLabel,
            [nameof(ActionDialog.ReasonRequired)] = reasonLabel is not null && reasonRequired,
            [nameof(ActionDialog.Confirm)] = confirm,
            [nameof(ActionDialog.Danger)] = danger,
        }, new DialogOptions { Width = "460px" }) as ActionInput;
}
