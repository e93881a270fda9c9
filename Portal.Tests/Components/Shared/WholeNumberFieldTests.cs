using Bunit;
using Portal.Components.Shared;

namespace Portal.Tests.Components.Shared;

/// <summary>What a user types in a number box is what is saved, or it is refused with a message naming the field.</summary>
public sealed class WholeNumberFieldTests : ComponentTest
{
    [Theory]
    [InlineData("1.5", "Quantity must be a whole number; \"1.5\" is not.")]
    [InlineData("abc", "Quantity must be a whole number; \"abc\" is not.")]
    [InlineData("1,5", "Quantity must be a whole number; \"1,5\" is not.")] // not 15: commas only group thousands
    [InlineData("12,34", "Quantity must be a whole number; \"12,34\" is not.")]
    [InlineData("999999999999", "Quantity must be between 1 and 99,999; got 999999999999.")]
    [InlineData("-1", "Quantity must be between 1 and 99,999; got -1.")]
    [InlineData("100000", "Quantity must be between 1 and 99,999; got 100000.")]
    [InlineData("", "Quantity is required.")]
    public void A_bad_value_is_refused_with_its_message_and_the_value_stays(string typed, string message)
    {
        var changes = new List<int?>();
        var field = Context.Render<WholeNumberField>(p => p
            .Add(f => f.Label, "Quantity").Add(f => f.Min, 1).Add(f => f.Max, 99_999).Add(f => f.Value, 5)
            .Add(f => f.ValueChanged, (int? v) => changes.Add(v)));

        field.Find("input").Input(typed);

        field.WaitForAssertion(() => Assert.Contains(message, field.Markup));
        Assert.Empty(changes);
        Assert.False(field.Instance.IsValid);
        Assert.Equal(typed, field.Find("input").GetAttribute("value") ?? "");
    }

    [Theory]
    [InlineData("12", 12)]
    [InlineData(" 99999 ", 99_999)]
    [InlineData("1,000", 1_000)]
    [InlineData("12,345", 12_345)]
    public void A_whole_number_in_range_is_taken_exactly(string typed, int expected)
    {
        var changes = new List<int?>();
        var field = Context.Render<WholeNumberField>(p => p
            .Add(f => f.Label, "Quantity").Add(f => f.Min, 1).Add(f => f.Max, 99_999)
            .Add(f => f.ValueChanged, (int? v) => changes.Add(v)));

        field.Find("input").Input(typed);

        field.WaitForAssertion(() => Assert.Equal([expected], changes));
        Assert.True(field.Instance.IsValid);
        Assert.Contains("1 to 99,999", field.Markup); // the allowed range is shown
    }
}
