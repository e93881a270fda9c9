using Portal.Tests.Browser;

namespace Portal.Tests.Components.Shared;

/// <summary>
/// Every number a user types goes through WholeNumberField or DecimalField: their checks refuse what they cannot save
/// exactly, and their markers let the browser walk (NumericFieldTests) find and try every one.
/// </summary>
public sealed class NumberBoxSourceTests
{
    [Fact]
    public void No_page_takes_numbers_in_an_input_of_its_own()
    {
        Assert.Empty(NumberBoxSources.OtherNumberInputs());
    }

    [Fact]
    public void Every_number_box_has_an_id_to_be_found_by()
    {
        var usages = NumberBoxSources.Usages();

        Assert.NotEmpty(usages);
        Assert.All(usages, u => Assert.NotEqual("(none)", u.InputId));
    }
}
