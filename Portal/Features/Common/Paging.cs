namespace Portal.Features.Common;

/// <summary>One page of a server-side list and the number of rows matching its filters.</summary>
public sealed record Page<T>(IReadOnlyList<T> Rows, int Total)
{
    /// <summary>How the total was counted; its words ("more than ") go before it on the pager.</summary>
    public ListCount Count { get; init; } = new(Total);
}


/// <summary>Which page, sorted how: a grid's request in plain terms, so services never see UI types.</summary>
public sealed record PageRequest(int Skip = 0, int Take = 25, string? SortBy = null, bool Descending = false)
{
    public const int MaxTake = 500;

    public int SafeSkip => Math.Max(0, Skip);

    public int SafeTake => Math.Clamp(Take, 1, MaxTake);
}
