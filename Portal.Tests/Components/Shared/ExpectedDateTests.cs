using Bunit;
using Portal.Components.Shared;

namespace Portal.Tests.Components.Shared;

/// <summary>A PO line's expected date stands out as overdue only when units are still to come on a date already past.</summary>
public sealed class ExpectedDateTests : ComponentTest
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Theory]
    [InlineData(2026, 11, 23, 5, true)] // yesterday, 5 still to come
    [InlineData(2026, 11, 24, 5, false)] // due today: not late yet
    [InlineData(2026, 11, 20, 0, false)] // past, but everything arrived or was cancelled
    public void Overdue_only_when_open_and_past(int year, int month, int day, int open, bool overdue)
    {
        var date = Context.Render<ExpectedDate>(p => p.Add(d => d.Date, new DateOnly(year, month, day)).Add(d => d.Open, open).Add(d => d.Today, Today));

        Assert.Equal(overdue, date.FindAll("[data-testid=overdue]").Count == 1);
        Assert.Equal(overdue, date.Find(".expected-date").ClassList.Contains("overdue"));
        Assert.StartsWith(Portal.Domain.Common.Show.Date(new DateOnly(year, month, day)), date.Find(".expected-date").TextContent);
    }
}
