using Portal.Domain.Purchasing;

namespace Portal.Features.Purchasing.Trends;

/// <summary>
/// The recorded backlog days (oldest first) and today's figures measured live the way the nightly run records them.
/// </summary>
public sealed record BacklogTrend(IReadOnlyList<BacklogSnapshot> Days, BacklogSnapshot Live, int DaysAsked)
{
    /// <summary>Below this many recorded days a line is not yet a trend; the page says so.</summary>
    public const int FewDays = 7;

    public bool HasFewDays => Days.Count < FewDays;

    public IReadOnlyList<AgingBucket> LiveAging => Aging(Live);

    /// <summary>The recorded days, with today's live figures as the last point when today is not recorded yet.</summary>
    public IReadOnlyList<TrendPoint> Points =>
        Days.Append(Live).DistinctBy(d => d.Date).Select(d => new TrendPoint(d.Date.ToDateTime(TimeOnly.MinValue), d.BackorderedUnits, d.BackorderedValue,
            d.UnitsAged0To7, d.UnitsAged8To30, d.UnitsAged31To60, d.UnitsAgedOver60)).ToList();

    public static IReadOnlyList<AgingBucket> Aging(BacklogSnapshot s) =>
    [
        new("0–7 days", s.UnitsAged0To7),
        new("8–30 days", s.UnitsAged8To30),
        new("31–60 days", s.UnitsAged31To60),
        new("Over 60 days", s.UnitsAgedOver60),
    ];
}

public sealed record AgingBucket(string Label, int Units);

/// <summary>One day on the charts (a DateTime, which the chart's category axis understands).</summary>
public sealed record TrendPoint(DateTime Date, int Units, decimal Value, int Aged0To7, int Aged8To30, int Aged31To60, int AgedOver60);
