using Bunit;
using Portal.Features.Common;
using Portal.Features.Warehouse;
using Portal.Features.Warehouse.Components;

namespace Portal.Tests.Components.Warehouse;

public sealed class WarehouseStatsTests : ComponentTest
{
    [Fact]
    public void The_overview_tiles_show_what_to_pick_and_what_arrives()
    {
        var stats = Context.Render<WarehouseStats>(p => p.Add(s => s.Overview, new WarehouseOverview(new ListCount(288), new ListCount(691), 11_178, 37, 24, [])));

        Assert.Equal("691", stats.Find("[data-testid=lines-to-pick] .stat-value").TextContent);
        Assert.Equal("11,178 units on 288 orders", stats.Find("[data-testid=lines-to-pick] .stat-hint").TextContent);
        Assert.Equal("37", stats.Find("[data-testid=arrivals-this-week] .stat-value").TextContent);
        Assert.Equal("24", stats.Find("[data-testid=overdue-arrivals] .stat-value").TextContent);
    }

    [Fact]
    public void A_long_pick_list_says_more_than_the_limit_and_shows_no_units()
    {
        var overview = new WarehouseOverview(new ListCount(1_000, MoreThan: true), new ListCount(1_000, MoreThan: true), null, 37, 24, []);
        var stats = Context.Render<WarehouseStats>(p => p.Add(s => s.Overview, overview));

        Assert.Equal("more than 1,000", stats.Find("[data-testid=lines-to-pick] .stat-value").TextContent);
        Assert.Equal("on more than 1,000 orders", stats.Find("[data-testid=lines-to-pick] .stat-hint").TextContent);
    }
}
