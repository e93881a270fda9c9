using Bunit;
using Portal.Features.Sales.Customers;

namespace Portal.Tests.Components.Sales;

/// <summary>The customer editor: a field that cannot be saved says why under itself, and Save is not asked.</summary>
public sealed class CustomerEditorTests : ComponentTest
{
    [Theory]
    [InlineData("customer-tier", "6", "Priority tier (1 is served first) must be between 1 and 5; got 6.")]
    [InlineData("customer-tier", "2.5", "Priority tier (1 is served first) must be a whole number; \"2.5\" is not.")]
    [InlineData("customer-email", "acme.example", "'acme.example' is not an email address.")]
    [InlineData("customer-name", "", "Name is required.")]
    public void A_bad_value_is_refused_with_its_message_and_nothing_is_saved(string field, string typed, string message)
    {
        var form = new CustomerForm { Name = "Acme Builders", Email = "orders@acme.example", PriorityTier = 3 };
        var saves = 0;
        var editor = Context.Render<CustomerEditor>(p => p.Add(e => e.Form, form).Add(e => e.Save, () => saves++));

        if (field == "customer-tier")
        {
            editor.Find($"#{field}").Input(typed); // the number box reads every key
        }
        else
        {
            editor.Find($"#{field}").Change(typed); // text boxes take their value when the rep leaves them
        }

        editor.FindAll("button").Single(b => b.TextContent.Contains("Save customer")).Click();

        editor.WaitForAssertion(() => Assert.Contains(message, editor.Markup));
        Assert.Equal(0, saves);
        Assert.Equal(3, form.PriorityTier);
    }

    [Fact]
    public void Good_values_are_saved_as_typed()
    {
        var form = new CustomerForm { Name = "Acme Builders", PriorityTier = 3 };
        var saves = 0;
        var editor = Context.Render<CustomerEditor>(p => p.Add(e => e.Form, form).Add(e => e.Save, () => saves++));

        editor.Find("#customer-tier").Input("1");
        editor.FindAll("button").Single(b => b.TextContent.Contains("Save customer")).Click();

        editor.WaitForAssertion(() => Assert.Equal(1, saves));
        Assert.Equal(1, form.PriorityTier);
    }
}
