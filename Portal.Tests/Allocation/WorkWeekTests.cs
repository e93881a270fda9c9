using Portal.Domain.Allocation;

namespace Portal.Tests.Allocation;

public class WorkWeekTests
{
    [Fact]
    public void Monday_to_Friday_is_stored_as_the_bits_of_its_days() =>
        Assert.Equal(0b0111110, WorkWeek.MondayToFriday.Mask);

    [Theory]
    [InlineData(0b0111110, "Mon–Fri")]
    [InlineData(0b1111110, "Mon–Sat")]
    [InlineData(0b1011110, "Mon–Thu, Sat")]
    [InlineData(0b0100110, "Mon, Tue, Fri")]
    [InlineData(0b1000001, "Sat, Sun")]
    [InlineData(0, "none")]
    public void A_week_reads_as_runs_of_days_Monday_first(int mask, string words) =>
        Assert.Equal(words, WorkWeek.FromMask(mask).ToString());

    [Fact]
    public void The_days_come_back_Monday_first() =>
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Saturday, DayOfWeek.Sunday],
            WorkWeek.Of([DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Saturday]).Days);

    [Fact]
    public void A_mask_with_an_eighth_day_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkWeek.FromMask(128));
}
