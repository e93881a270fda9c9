using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Portal.Components.Shared;

namespace Portal.Tests.Components.Shared;

/// <summary>
/// The search box of every list (receiving, stock adjustments, outbox, audit, customers, shortages): Enter searches what
/// is in the box at that moment. A user once received the wrong PO line because Enter searched the previous text: the
/// box bound its value only on change (blur).
/// </summary>
public sealed class SearchBoxTests : ComponentTest
{
    [Fact]
    public void Enter_searches_the_text_in_the_box_at_that_moment_never_the_previous_text()
    {
        var searches = new List<string?>();
        var box = Context.Render<SearchBox>(p => p
            .Add(b => b.Label, "PO number, SKU or product").Add(b => b.InputId, "receiving-search")
            .Add(b => b.OnSearch, (string? text) => searches.Add(text)));

        // Typing fires input events only; no change event (blur) comes before Enter.
        box.Find("#receiving-search").Input("PO-000001");
        box.Find("#receiving-search").KeyDown(new KeyboardEventArgs { Key = "Enter" });
        box.Find("#receiving-search").Input("PO-000002");
        box.Find("#receiving-search").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        box.WaitForAssertion(() => Assert.Equal(["PO-000001", "PO-000002"], searches));
    }

    [Fact]
    public void Other_keys_do_not_search()
    {
        var searches = new List<string?>();
        var box = Context.Render<SearchBox>(p => p.Add(b => b.Label, "SKU or product").Add(b => b.InputId, "s")
            .Add(b => b.OnSearch, (string? text) => searches.Add(text)));

        box.Find("#s").Input("BP-1");
        box.Find("#s").KeyDown(new KeyboardEventArgs { Key = "a" });

        Assert.Empty(searches);
    }
}
