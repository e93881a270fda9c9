using Portal.Domain.Allocation;

namespace Portal.Tests.Allocation;

public class BusinessCalendarTests
{
    private static readonly BusinessCalendar Calendar = Day.Calendar; // Thursday 26 and Friday 27 November are holidays

    [Fact]
    public void One_business_day_after_Wednesday_is_Thursday() =>
        Assert.Equal(Day.Nov(19), Calendar.AddBusinessDays(Day.Nov(18), 1));

    [Fact]
    public void One_business_day_after_Friday_is_Monday() =>
        Assert.Equal(Day.Nov(23), Calendar.AddBusinessDays(Day.Nov(20), 1));

    [Fact]
    public void Adding_zero_days_to_a_Saturday_rolls_forward_to_Monday() =>
        Assert.Equal(Day.Nov(23), Calendar.AddBusinessDays(Day.Nov(21), 0));

    [Fact]
    public void Adding_zero_days_to_a_business_day_keeps_it() =>
        Assert.Equal(Day.Nov(18), Calendar.AddBusinessDays(Day.Nov(18), 0));

    [Fact]
    public void One_business_day_after_a_Saturday_is_the_Monday_like_a_spreadsheet_WORKDAY() =>
        Assert.Equal(Day.Nov(23), Calendar.AddBusinessDays(Day.Nov(21), 1));

    [Fact]
    public void Holidays_are_skipped()
    {
        // Wednesday 25 + 1: Thursday 26 and Friday 27 are holidays, Saturday and Sunday are weekend → Monday 30.
        Assert.Equal(Day.Nov(30), Calendar.AddBusinessDays(Day.Nov(25), 1));
        Assert.False(Calendar.IsBusinessDay(Day.Nov(26)));
        Assert.True(BusinessCalendar.WeekdaysOnly.IsBusinessDay(Day.Nov(26)));
    }

    [Fact]
    public void Negative_days_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddBusinessDays(Day.Today, -1));

    [Fact]
    public void Business_days_between_counts_the_days_after_the_first_up_to_the_second_and_is_signed()
    {
        // Wednesday 18 → Wednesday 25: Thu 19, Fri 20, Mon 23, Tue 24, Wed 25 = 5.
        Assert.Equal(5, Calendar.BusinessDaysBetween(Day.Nov(18), Day.Nov(25)));
        Assert.Equal(-5, Calendar.BusinessDaysBetween(Day.Nov(25), Day.Nov(18)));
        // Wednesday 25 → Monday 30 over the two holidays and the weekend: only Monday 30 = 1.
        Assert.Equal(1, Calendar.BusinessDaysBetween(Day.Nov(25), Day.Nov(30)));
        Assert.Equal(0, Calendar.BusinessDaysBetween(Day.Nov(18), Day.Nov(18)));
        // Friday 20 → Saturday 21: nothing counted.
        Assert.Equal(0, Calendar.BusinessDaysBetween(Day.Nov(20), Day.Nov(21)));
    }

    [Fact]
    public void Holidays_on_a_weekend_change_nothing()
    {
        var calendar = new BusinessCalendar([Day.Nov(21)]); // Saturday
        Assert.Equal(5, calendar.BusinessDaysBetween(Day.Nov(18), Day.Nov(25)));
    }

    [Fact]
    public void Business_days_between_undoes_adding_business_days() =>
        Properties.Check(Gens.BusinessDayAndCount(Calendar), t =>
            Calendar.BusinessDaysBetween(t.Start, Calendar.AddBusinessDays(t.Start, t.Days)) == t.Days);

    // A warehouse that also ships on Saturdays: Monday to Saturday.
    private static readonly BusinessCalendar SixDays = new([Day.Nov(26), Day.Nov(27)],
        WorkWeek.Of([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday]));

    // A warehouse closed on Mondays that ships Tuesday to Saturday.
    private static readonly BusinessCalendar TuesdayToSaturday = new([],
        WorkWeek.Of([DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday]));

    [Fact]
    public void A_Saturday_working_day_is_a_business_day_and_Sunday_still_is_not()
    {
        Assert.Equal(Day.Nov(21), SixDays.AddBusinessDays(Day.Nov(20), 1)); // Friday + 1 is Saturday
        Assert.Equal(Day.Nov(23), SixDays.AddBusinessDays(Day.Nov(21), 1)); // Saturday + 1 is Monday
        Assert.Equal(Day.Nov(23), SixDays.AddBusinessDays(Day.Nov(22), 0)); // Sunday rolls forward to Monday
        Assert.True(SixDays.IsBusinessDay(Day.Nov(21)));
        Assert.False(SixDays.IsBusinessDay(Day.Nov(22)));
    }

    [Fact]
    public void Holidays_are_skipped_on_a_six_day_week_too()
    {
        // Wednesday 25 + 1: Thursday 26 and Friday 27 are holidays, Saturday 28 is a working day.
        Assert.Equal(Day.Nov(28), SixDays.AddBusinessDays(Day.Nov(25), 1));
        // Wednesday 18 → Wednesday 25: Thu 19, Fri 20, Sat 21, Mon 23, Tue 24, Wed 25 = 6.
        Assert.Equal(6, SixDays.BusinessDaysBetween(Day.Nov(18), Day.Nov(25)));
        // Over the holidays: Sat 28 and Mon 30 = 2.
        Assert.Equal(2, SixDays.BusinessDaysBetween(Day.Nov(25), Day.Nov(30)));
    }

    [Fact]
    public void A_day_that_is_not_a_working_day_is_skipped_like_a_weekend()
    {
        Assert.Equal(Day.Nov(24), TuesdayToSaturday.AddBusinessDays(Day.Nov(21), 1)); // Saturday + 1: Sunday and Monday closed
        Assert.Equal(Day.Nov(24), TuesdayToSaturday.AddBusinessDays(Day.Nov(23), 0)); // a Monday rolls forward to Tuesday
        Assert.Equal(0, TuesdayToSaturday.BusinessDaysBetween(Day.Nov(21), Day.Nov(23)));
    }

    [Fact]
    public void A_holiday_on_a_day_that_is_not_worked_changes_nothing()
    {
        var mondayClosed = new BusinessCalendar([Day.Nov(23)], TuesdayToSaturday.WorkingDays);
        Assert.Equal(TuesdayToSaturday.BusinessDaysBetween(Day.Nov(18), Day.Dec(2)), mondayClosed.BusinessDaysBetween(Day.Nov(18), Day.Dec(2)));
    }

    [Fact]
    public void A_week_without_working_days_is_refused() =>
        Assert.Throws<ArgumentException>(() => new BusinessCalendar([], WorkWeek.Of([])));

    [Fact]
    public void Business_days_between_undoes_adding_business_days_on_any_working_week() =>
        Properties.Check(Gens.WorkWeekStartAndCount, t =>
        {
            var calendar = new BusinessCalendar([Day.Nov(26), Day.Dec(1), Day.Dec(5)], t.Week);
            var start = calendar.AddBusinessDays(t.Start, 0);
            return calendar.BusinessDaysBetween(start, calendar.AddBusinessDays(start, t.Days)) == t.Days;
        });

    [Fact]
    public void Counting_agrees_with_walking_day_by_day_on_any_working_week() =>
        Properties.Check(Gens.WorkWeekStartAndCount, t =>
        {
            var calendar = new BusinessCalendar([Day.Nov(26), Day.Dec(1), Day.Dec(5)], t.Week);
            var end = t.Start.AddDays(t.Days);
            var walked = Enumerable.Range(1, t.Days).Count(i => calendar.IsBusinessDay(t.Start.AddDays(i)));
            return calendar.BusinessDaysBetween(t.Start, end) == walked;
        });
}
