using Bunit;
using Portal.Features.Admin.Users;

namespace Portal.Tests.Components.Admin;

public sealed class NewUserFormTests : ComponentTest
{
    [Fact]
    public void Missing_fields_are_refused_each_with_its_message_and_no_user_is_added()
    {
        var added = new List<NewUserForm.NewUser>();
        var form = Context.Render<NewUserForm>(p => p.Add(f => f.Add, (NewUserForm.NewUser u) => { added.Add(u); return Task.FromResult(true); }));

        form.Find("#new-user-email").Input("new@demo.local");
        form.FindAll("button").Single(b => b.TextContent.Contains("Add user")).Click();

        form.WaitForAssertion(() =>
        {
            Assert.Contains("Name is required.", form.Markup);
            Assert.Contains("First password is required.", form.Markup);
            Assert.Contains("Give the user at least one role.", form.Markup);
        });
        Assert.DoesNotContain("Email is required.", form.Markup);
        Assert.Empty(added);
    }
}
