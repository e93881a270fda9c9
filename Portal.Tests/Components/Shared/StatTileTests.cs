using Bunit;
using Portal.Components.Shared;

namespace Portal.Tests.Components.Shared;

public sealed class StatTileTests : ComponentTest
{
    [Fact]
    public void A_tile_shows_its_label_figure_and_hint_and_carries_its_test_id()
    {
        var tile = Context.Render<StatTile>(p => p
            .Add(t => t.Label, "Emails failed")
            .Add(t => t.Value, "1,204")
            .Add(t => t.Hint, "Gave up after retries")
            .Add(t => t.TestId, "failed-notices"));

        var root = tile.Find("[data-testid=failed-notices]");
        Assert.Equal("Emails failed", root.QuerySelector(".stat-label")!.TextContent);
        Assert.Equal("1,204", root.QuerySelector(".stat-value")!.TextContent);
        Assert.Equal("Gave up after retries", root.QuerySelector(".stat-hint")!.TextContent);
    }

    [Fact]
    public void A_tile_without_a_hint_shows_none()
    {
        var tile = Context.Render<StatTile>(p => p.Add(t => t.Label, "Products awaiting allocation").Add(t => t.Value, "0"));

        Assert.Empty(tile.FindAll(".stat-hint"));
        Assert.Equal("0", tile.Find(".stat-value").TextContent);
    }
}
