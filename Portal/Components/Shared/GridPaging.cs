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

    /// <summary>The pager's "1–25 of 1,234 lines", or "of more than 1,000" when counting stopped there (see Counting).</summary>
    public static string Info(string? noun, string countWords) =>
        $"{{first_item}}–{{last_item}} of {countWords}{{all_items}}{(noun is null ? "" : " " + noun)}";
}
