namespace Portal.Domain.Allocation;

// Monday–Friday minus configured holidays. Day arithmetic works on DateOnly.DayNumber, where day 0
// (0001-01-01) is a Monday, so the weekday is DayNumber % 7 and weekday counts are closed-form.
public sealed class BusinessCalendar
{
    public static readonly BusinessCalendar WeekdaysOnly = new([]);

    private readonly HashSet<int> _holidays;
    private readonly int[] _weekdayHolidays; // sorted, weekend holidays dropped: they change nothing

    public BusinessCalendar(IEnumerable<DateOnly> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        _holidays = holidays.Select(h => h.DayNumber).Where(IsWeekday).ToHashSet();
        _weekdayHolidays = _holidays.Order().ToArray();
    }

    public bool IsBusinessDay(DateOnly date) => IsBusinessDay(date.DayNumber);

    // days = 0 returns the first business day on or after start (so a ship date is always a business day);
    // days = n ≥ 1 returns the n-th business day strictly after start, so Saturday + 1 is Monday,
    // the same convention as a spreadsheet WORKDAY.
    public DateOnly AddBusinessDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = start.DayNumber;
        if (days == 0)
        {
            while (!IsBusinessDay(day)) day++;
            return DateOnly.FromDayNumber(day);
        }
        while (days > 0)
        {
            day++;
            if (IsBusinessDay(day)) days--;
        }
        return DateOnly.FromDayNumber(day);
    }

    // Signed count of business days in (from, to]: positive when to is later. Between two business days
    // this is the exact inverse of AddBusinessDays, which is what the ETA-moved threshold needs.
    public int BusinessDaysBetween(DateOnly from, DateOnly to)
    {
        int a = from.DayNumber, b = to.DayNumber;
        if (a == b) return 0;
        return b > a ? CountAfterUpTo(a, b) : -CountAfterUpTo(b, a);
    }

    private int CountAfterUpTo(int after, int upTo) =>
        WeekdaysUpTo(upTo) - WeekdaysUpTo(after) - (HolidaysUpTo(upTo) - HolidaysUpTo(after));

    private bool IsBusinessDay(int dayNumber) => IsWeekday(dayNumber) && !_holidays.Contains(dayNumber);

    private static bool IsWeekday(int dayNumber) => dayNumber % 7 < 5;

    // Weekdays among day numbers 0..n inclusive.
    private static int WeekdaysUpTo(int n) => (n + 1) / 7 * 5 + Math.Min((n + 1) % 7, 5);

    private int HolidaysUpTo(int n)
    {
        var i = Array.BinarySearch(_weekdayHolidays, n);
        return i >= 0 ? i + 1 : ~i;
    }
}
