using Bunit;
using Portal.Features.Admin;
using Portal.Features.Admin.Components;

namespace Portal.Tests.Components.Admin;

public sealed class AdminStatsTests : ComponentTest
{
    [Fact]
    public void The_overview_tiles_show_the_outbox_and_allocation_figures_written_one_way()
    {
        var stats = Context.Render<AdminStats>(p => p.Add(s => s.Overview, new AdminOverview(1_204, 3, 0, [])));

        Assert.Equal("1,204", stats.Find("[data-testid=pending-notices] .stat-value").TextContent);
        Assert.Equal("Emails waiting", stats.Find("[data-testid=pending-notices] .stat-label").TextContent);
        Assert.Equal("3", stats.Find("[data-testid=failed-notices] .stat-value").TextContent);
        Assert.Equal("Gave up after retries", stats.Find("[data-testid=failed-notices] .stat-hint").TextContent);
        Assert.Equal("0", stats.Find("[data-testid=products-awaiting-allocation] .stat-value").TextContent);
    }
}
