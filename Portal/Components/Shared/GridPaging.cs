using MudBlazor;
using Portal.Features.Common;

namespace Portal.Components.Shared;

/// <summary>Turns a MudDataGrid's state into the app's own paging record, so services never see a UI type.</summary>
public static class GridPaging
{
    public static PageRequest ToPageRequest<T>(this GridState<T> state)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        return new PageRequest(state.Page * state.PageSize, state.PageSize, sort?.SortBy, sort?.Descending ?? false);
    }

    public static GridData<T> ToGridData<T>(this Page<T> page) => new() { Items = page.Rows, TotalItems = page.Total };

    /// <summary>The pager's "1–25 of 1,234 lines", or "of about 328,000" when the total is an estimate (see Counting).</summary>
    public static string Info(string? noun, bool estimated) =>
        $"{{first_item}}–{{last_item}} of {(estimated ? "about " : "")}{{all_items}}{(noun is null ? "" : " " + noun)}";
}
