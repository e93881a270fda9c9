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
}
