using Portal.Domain.Allocation;

namespace Portal.Tests.Allocation;

// Fixed dates for the tests. Today is Wednesday 2026-11-18; Thanksgiving (Thursday 26) and the day after
// (Friday 27) are the holidays of Calendar.
internal static class Day
{
    public static readonly DateOnly Today = Nov(18); // Wednesday

    public static readonly BusinessCalendar Calendar = new([Nov(26), Nov(27)]);

    public static DateOnly Nov(int day) => new(2026, 11, day);

    public static DateOnly Dec(int day) => new(2026, 12, day);

    // Order placement times: 2026-11-01 (a Sunday) at the given hour and minute, UTC.
    public static DateTimeOffset Placed(int hour, int minute = 0) => new(2026, 11, 1, hour, minute, 0, TimeSpan.Zero);
}
