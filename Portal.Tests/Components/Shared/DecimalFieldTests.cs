using Bunit;
using Portal.Components.Shared;

namespace Portal.Tests.Components.Shared;

/// <summary>What a user types in a decimal box is what is saved, or it is refused with a message naming the field.</summary>
public sealed class DecimalFieldTests : ComponentTest
{
    [Theory]
    [InlineData("abc", "Unit cost must be a number with a point for decimals; \"abc\" is not.")]
    [InlineData("1,5", "Unit cost must be a number with a point for decimals; \"1,5\" is not.")] // not 15
    [InlineData("1e3", "Unit cost must be a number with a point for decimals; \"1e3\" is not.")]
    [InlineData("-1", "Unit cost must be between 0 and 99,999.5; got -1.")]
    [InlineData("99999.6", "Unit cost must be between 0 and 99,999.5; got 99999.6.")]
    [InlineData("1.23456", "Unit cost can have at most 4 decimals; got 1.23456.")]
    [InlineData("", "Unit cost is required.")]
    public void A_bad_value_is_refused_with_its_message_and_the_value_stays(string typed, string message)
    {
        var changes = new List<decimal?>();
        var field = Render(changes, value: 5m);

        field.Find("input").Input(typed);

        field.WaitForAssertion(() => Assert.Contains(message, field.Markup));
        Assert.Empty(changes);
        Assert.False(field.Instance.IsValid);
        Assert.Equal(typed, field.Find("input").GetAttribute("value") ?? "");
        Assert.Equal("5", field.Find("input").GetAttribute("data-value"));
    }

    [Theory]
    [InlineData("1.5", "1.5")]
    [InlineData("12.3400", "12.3400")]
    [InlineData("1,000.25", "1000.25")]
    [InlineData("0", "0")]
    public void A_number_in_range_is_taken_exactly(string typed, string expected)
    {
        var changes = new List<decimal?>();
        var field = Render(changes, value: null);

        field.Find("input").Input(typed);

        field.WaitForAssertion(() => Assert.Equal([decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)], changes));
        Assert.Equal(expected, changes[0]!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)); // 12.3400 keeps its scale
        Assert.Equal(typed, field.Find("input").GetAttribute("value"));
        Assert.Contains("0 to 99,999.5, up to 4 decimals", field.Markup);
    }

    private IRenderedComponent<DecimalField> Render(List<decimal?> changes, decimal? value) =>
        Context.Render<DecimalField>(p => p
            .Add(f => f.Label, "Unit cost").Add(f => f.Min, 0m).Add(f => f.Max, 99_999.5m).Add(f => f.Decimals, 4).Add(f => f.InputId, "cost")
            .Add(f => f.Value, value).Add(f => f.ValueChanged, (decimal? v) => changes.Add(v)));
}
