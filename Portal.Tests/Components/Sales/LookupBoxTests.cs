using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Portal.Features.Sales.Common;
using Portal.Features.Sales.Components;

namespace Portal.Tests.Components.Sales;

/// <summary>The type-ahead box: Enter searches what is in the box at that moment and takes the first match.</summary>
public sealed class LookupBoxTests : ComponentTest
{
    private static readonly LookupOption Widget = new(10, "WID-1", "Widget");
    private static readonly LookupOption Wedge = new(11, "WED-2", "Wedge");

    public LookupBoxTests() => Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    [Fact]
    public void Enter_searches_the_text_in_the_box_now_and_picks_the_first_match()
    {
        var searched = new List<string>();
        var picked = new List<LookupOption?>();
        var box = Context.Render<LookupBox>(p => p
            .Add(b => b.Search, term =>
            {
                searched.Add(term);
                return Task.FromResult<IReadOnlyList<LookupOption>>(term.StartsWith("WID") ? [Widget] : [Wedge, Widget]);
            })
            .Add(b => b.KeepSelection, false)
            .Add(b => b.SelectedChanged, (LookupOption? o) => picked.Add(o)));

        box.Find("input").Input("W");
        box.Find("input").Input("WID");
        box.Find("input").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        box.WaitForAssertion(() => Assert.Equal([Widget], picked));
        Assert.Equal("WID", searched.Last()); // never the previous text
    }

    [Fact]
    public void Matches_are_listed_as_options_to_pick()
    {
        var picked = new List<LookupOption?>();
        var box = Context.Render<LookupBox>(p => p
            .Add(b => b.Search, _ => Task.FromResult<IReadOnlyList<LookupOption>>([Wedge, Widget]))
            .Add(b => b.SelectedChanged, (LookupOption? o) => picked.Add(o)));

        box.Find("input").Input("W");

        box.WaitForAssertion(() => Assert.Equal(2, box.FindAll("[role=option]").Count), TimeSpan.FromSeconds(3));
        box.FindAll("[role=option] button")[1].Click();
        box.WaitForAssertion(() => Assert.Equal([Widget], picked));
    }
}
