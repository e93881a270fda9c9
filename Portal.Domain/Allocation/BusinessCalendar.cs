namespace Portal.Domain.Allocation;

// The working days of the week (Monday–Friday unless an Admin changes them) minus holidays. Day arithmetic works on
// DateOnly.DayNumber, where day 0 (0001-01-01) is a Monday, so the weekday is DayNumber % 7 and counts of working
// days are closed-form.
public sealed class BusinessCalendar
{
    public static readonly BusinessCalendar WeekdaysOnly = new([]);

    private readonly bool[] _working = new bool[7];        // by DayNumber % 7: 0 is Monday
    private readonly int[] _workingBefore = new int[8];    // working days among weekday indexes 0 .. r-1
    private readonly HashSet<int> _holidays;
    private readonly int[] _workingHolidays; // sorted, holidays on non-working days dropped: they change nothing

    public BusinessCalendar(IEnumerable<DateOnly> holidays)
        : this(holidays, WorkWeek.MondayToFriday)
    {
    }

    public BusinessCalendar(IEnumerable<DateOnly> holidays, WorkWeek workingDays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        if (workingDays.IsEmpty)
        {
            throw new ArgumentException("A calendar needs at least one working day a week.", nameof(workingDays));
        }

        WorkingDays = workingDays;
        for (var i = 0; i < 7; i++)
        {
            _working[i] = workingDays.Contains(WorkWeek.MondayFirst[i]);
            _workingBefore[i + 1] = _workingBefore[i] + (_working[i] ? 1 : 0);
        }

        _holidays = holidays.Select(h => h.DayNumber).Where(IsWorkingWeekday).ToHashSet();
        _workingHolidays = _holidays.Order().ToArray();
    }

    public WorkWeek WorkingDays { get; }

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
        WorkingUpTo(upTo) - WorkingUpTo(after) - (HolidaysUpTo(upTo) - HolidaysUpTo(after));

    private bool IsBusinessDay(int dayNumber) => IsWorkingWeekday(dayNumber) && !_holidays.Contains(dayNumber);

    private bool IsWorkingWeekday(int dayNumber) => _working[dayNumber % 7];

    // Working weekdays among day numbers 0..n inclusive.
    private int WorkingUpTo(int n) => (n + 1) / 7 * _workingBefore[7] + _workingBefore[(n + 1) % 7];

    private int HolidaysUpTo(int n)
    {
        var i = Array.BinarySearch(_workingHolidays, n);
        return i >= 0 ? i + 1 : ~i;
    }
}
