using Bunit;
using Portal.Domain.Allocation;
using Portal.Features.Admin.Settings;

namespace Portal.Tests.Components.Admin;

/// <summary>Holidays are added with a date and a name, removed one by one, and shown on the year at a glance.</summary>
public sealed class HolidaysEditorTests : ComponentTest
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly HolidayRow Christmas = new(new DateOnly(2026, 12, 25), "Christmas Day");
    private static readonly HolidayRow NewYear = new(new DateOnly(2027, 1, 1), "New Year's Day");

    private readonly List<HolidayRow> added = [], removed = [];
    private string? refusal;

    [Fact]
    public void A_holiday_with_a_date_and_a_name_is_added_and_the_form_clears()
    {
        var editor = Render();

        editor.Find("#holiday-date").Input("2026-12-24");
        editor.Find("#holiday-name").Input("Christmas Eve");
        AddClick(editor);

        editor.WaitForAssertion(() => Assert.Equal([new HolidayRow(new DateOnly(2026, 12, 24), "Christmas Eve")], added));
        editor.WaitForAssertion(() => Assert.True(string.IsNullOrEmpty(editor.Find("#holiday-name").GetAttribute("value"))));
    }

    [Fact]
    public void A_missing_date_or_name_is_refused_under_its_box_and_nothing_is_added()
    {
        var editor = Render();

        AddClick(editor);

        editor.WaitForAssertion(() =>
        {
            Assert.Contains("Holiday date is required.", editor.Markup);
            Assert.Contains("Holiday name is required.", editor.Markup);
        });
        Assert.Empty(added);
    }

    [Fact]
    public void A_refusal_from_the_service_is_shown_and_the_form_keeps_what_was_typed()
    {
        refusal = "Fri 25 Dec 2026 is already a holiday: Christmas Day.";
        var editor = Render();

        editor.Find("#holiday-date").Input("2026-12-25");
        editor.Find("#holiday-name").Input("Xmas");
        AddClick(editor);

        editor.WaitForAssertion(() => Assert.Equal(refusal, editor.Find("[data-testid=holiday-error]").TextContent.Trim()));
        Assert.Equal("Xmas", editor.Find("#holiday-name").GetAttribute("value"));
    }

    [Fact]
    public void The_year_shows_its_holidays_by_name_and_the_days_that_are_not_worked()
    {
        var editor = Render();

        Assert.Equal("2026", editor.Find("[data-testid=calendar-year]").TextContent.Trim());
        Assert.Equal(365, editor.FindAll(".year-calendar button.day").Count);
        var christmas = editor.Find("[data-date='2026-12-25']");
        Assert.Contains("holiday", christmas.ClassList);
        Assert.Equal("Fri 25 Dec 2026: Christmas Day", christmas.GetAttribute("title"));
        Assert.Contains("off", editor.Find("[data-date='2026-12-26']").ClassList); // Saturday
        Assert.Contains("today", editor.Find("[data-date='2026-11-23']").ClassList);
        Assert.Contains("Christmas Day", editor.Find("[data-testid=holiday-list]").TextContent);
        Assert.DoesNotContain("New Year's Day", editor.Find("[data-testid=holiday-list]").TextContent);
    }

    [Fact]
    public void Working_days_as_being_edited_show_at_once()
    {
        var editor = Render(WorkWeek.Of([.. WorkWeek.MondayToFriday.Days, DayOfWeek.Saturday]));

        Assert.DoesNotContain("off", editor.Find("[data-date='2026-12-26']").ClassList); // Saturday, now worked
        Assert.Contains("off", editor.Find("[data-date='2026-12-27']").ClassList);       // Sunday
    }

    [Fact]
    public void The_next_year_shows_its_own_holidays()
    {
        var editor = Render();

        editor.Find("button[aria-label='Next year']").Click();

        Assert.Equal("2027", editor.Find("[data-testid=calendar-year]").TextContent.Trim());
        Assert.Contains("holiday", editor.Find("[data-date='2027-01-01']").ClassList);
        Assert.Contains("New Year's Day", editor.Find("[data-testid=holiday-list]").TextContent);
    }

    [Fact]
    public void A_click_on_a_day_fills_in_the_date()
    {
        var editor = Render();

        editor.Find("[data-date='2026-12-31']").Click();

        Assert.Equal("2026-12-31", editor.Find("#holiday-date").GetAttribute("value"));
        Assert.Contains("picked", editor.Find("[data-date='2026-12-31']").ClassList);
    }

    [Fact]
    public void Remove_takes_that_holiday_away()
    {
        var editor = Render();

        editor.Find("button[aria-label='Remove Christmas Day on Fri 25 Dec 2026']").Click();

        editor.WaitForAssertion(() => Assert.Equal([Christmas], removed));
    }

    private static void AddClick(IRenderedComponent<HolidaysEditor> editor) =>
        editor.FindAll("button").Single(b => b.TextContent.Contains("Add holiday")).Click();

    private IRenderedComponent<HolidaysEditor> Render(WorkWeek? workingDays = null) =>
        Context.Render<HolidaysEditor>(p => p
            .Add(e => e.Holidays, [Christmas, NewYear])
            .Add(e => e.WorkingDays, workingDays ?? WorkWeek.MondayToFriday)
            .Add(e => e.Today, Today)
            .Add(e => e.Add, h => { if (refusal is null) added.Add(h); return Task.FromResult(refusal); })
            .Add(e => e.Remove, h => { removed.Add(h); return Task.FromResult<string?>(null); }));
}
