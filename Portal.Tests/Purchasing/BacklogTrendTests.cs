using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Purchasing;
using Portal.Features.Purchasing;
using Portal.Features.Purchasing.Trends;
using Portal.Tests.Common;
using Portal.Tests.Infrastructure;
using Portal.Tests.Infrastructure.Builders;
using static Portal.Tests.Purchasing.PurchasingScenario;

namespace Portal.Tests.Purchasing;

public sealed class BacklogTrendTestsOnSqlite() : BacklogTrendTests(DatabaseProvider.Sqlite);

public sealed class BacklogTrendTestsOnPostgres() : BacklogTrendTests(DatabaseProvider.Postgres);

public sealed class BacklogTrendTestsOnSqlServer() : BacklogTrendTests(DatabaseProvider.SqlServer);

/// <summary>The backlog trend: nightly snapshots and today's live figures, aged in calendar days since the order was placed.</summary>
public abstract class BacklogTrendTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private BacklogTrendService Trends => new(new TestDbContextFactory(Db), new ManualClock(TestData.Now));

    /// <summary>One unit-priced line per age; quantities tell the buckets apart. Now is 23 Nov 09:00 UTC.</summary>
    private async Task SeedAsync()
    {
        await using var db = NewContext();
        var s = new PurchasingScenario(db);
        var (main, customer) = (s.Data.AddWarehouse(), s.Data.AddCustomer());
        var product = s.Product("AGE-1", "Aged part", 2m, null);
        s.Line(customer, main, product, 1, placedAt: TestData.Now);                             // 0 days
        s.Line(customer, main, product, 2, placedAt: TestData.Now.AddDays(-7).AddHours(-2));    // 7 calendar days, 7 d 2 h
        s.Line(customer, main, product, 4, placedAt: DaysAgo(8));                               // 8
        s.Line(customer, main, product, 8, placedAt: DaysAgo(30).AddHours(-8));                // 30
        s.Line(customer, main, product, 16, placedAt: DaysAgo(31));                             // 31
        s.Line(customer, main, product, 32, placedAt: DaysAgo(60).AddHours(-8));                // 60
        s.Line(customer, main, product, 64, placedAt: DaysAgo(61));                             // 61
        s.Line(customer, main, product, 5, allocated: 5, placedAt: DaysAgo(90));                // nothing waits
    }

    [Fact]
    public async Task Live_figures_age_units_by_calendar_days_since_the_order_was_placed()
    {
        await SeedAsync();

        var live = (await Trends.GetAsync()).Live;

        Assert.Equal((TestData.Today, 7, 127, 254m), (live.Date, live.BackorderedLines, live.BackorderedUnits, live.BackorderedValue));
        Assert.Equal((1 + 2, 4 + 8, 16 + 32, 64), (live.UnitsAged0To7, live.UnitsAged8To30, live.UnitsAged31To60, live.UnitsAgedOver60));
    }

    [Fact]
    public async Task The_nightly_recorder_saves_what_the_page_shows_live_and_records_a_day_once()
    {
        await SeedAsync();
        var recorder = new BacklogRecorder(new TestDbContextFactory(Db), new ManualClock(TestData.Now));

        await recorder.RecordAsync();
        await recorder.RecordAsync();

        await using var db = NewContext();
        var saved = await db.BacklogSnapshots.AsNoTracking().SingleAsync();
        var live = (await Trends.GetAsync()).Live;
        Assert.Equivalent(live, saved, strict: true);
    }

    [Fact]
    public async Task A_new_install_has_few_days_and_the_chart_ends_on_todays_live_figures()
    {
        await SeedAsync();
        await using (var db = NewContext())
        {
            db.BacklogSnapshots.AddRange(
                new BacklogSnapshot { Date = TestData.Today.AddDays(-200), BackorderedUnits = 1 },
                new BacklogSnapshot { Date = TestData.Today.AddDays(-2), BackorderedUnits = 100, UnitsAged0To7 = 100 },
                new BacklogSnapshot { Date = TestData.Today.AddDays(-1), BackorderedUnits = 110, UnitsAged0To7 = 110 });
            await db.SaveChangesAsync();
        }

        var trend = await Trends.GetAsync(days: 90);

        Assert.True(trend.HasFewDays);
        Assert.Equal([TestData.Today.AddDays(-2), TestData.Today.AddDays(-1)], trend.Days.Select(d => d.Date));
        Assert.Equal([100, 110, 127], trend.Points.Select(p => p.Units));
        Assert.Equal([3, 12, 48, 64], trend.LiveAging.Select(b => b.Units));
    }

    [Fact]
    public async Task A_week_of_snapshots_is_a_trend()
    {
        await using (var db = NewContext())
        {
            db.BacklogSnapshots.AddRange(Enumerable.Range(1, 7).Select(d => new BacklogSnapshot { Date = TestData.Today.AddDays(-d), BackorderedUnits = d }));
            await db.SaveChangesAsync();
        }

        var trend = await Trends.GetAsync();

        Assert.False(trend.HasFewDays);
        Assert.Equal(8, trend.Points.Count);
        Assert.Equal(0, trend.Points[^1].Units); // nothing waits today
    }
}
