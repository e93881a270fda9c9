using Bunit;
using Portal.Features.Admin.Users;
using Portal.Identity;

namespace Portal.Tests.Components.Admin;

public sealed class NewUserFormTests : ComponentTest
{
    private readonly List<NewUser> added = [];
    private int generated;

    [Fact]
    public void Missing_fields_are_refused_each_with_its_message_and_no_user_is_added()
    {
        var form = Render();

        form.Find("#new-user-email").Input("new@demo.local");
        form.Find("#new-user-password").Input("");
        form.FindAll("button").Single(b => b.TextContent.Contains("Add user")).Click();

        form.WaitForAssertion(() =>
        {
            Assert.Contains("Name is required.", form.Markup);
            Assert.Contains("Temporary password is required.", form.Markup);
            Assert.Contains("Give the user at least one role.", form.Markup);
        });
        Assert.DoesNotContain("Email is required.", form.Markup);
        Assert.Empty(added);
    }

    [Fact]
    public async Task A_temporary_password_is_proposed_and_a_new_one_replaces_it_once_the_user_is_added()
    {
        var form = Render();
        Assert.Equal("Temp-1", form.Find("#new-user-password").GetAttribute("value"));

        form.Find("#new-user-email").Input("new@demo.local");
        form.Find("#new-user-name").Input("New Rep");
        form.Find("[aria-label='Make another password']").Click();
        form.WaitForAssertion(() => Assert.Equal("Temp-2", form.Find("#new-user-password").GetAttribute("value")));
        var roles = form.FindComponent<MudBlazor.MudSelect<string>>();
        await form.InvokeAsync(() => roles.Instance.SelectedValuesChanged.InvokeAsync([Roles.Sales, Roles.Warehouse])); // as picking them does
        form.FindAll("button").Single(b => b.TextContent.Contains("Add user")).Click();

        form.WaitForAssertion(() => Assert.Equal([new NewUser("new@demo.local", "New Rep", "Temp-2", [Roles.Sales, Roles.Warehouse])], added, Same));
        form.WaitForAssertion(() => Assert.Equal("Temp-3", form.Find("#new-user-password").GetAttribute("value")));
    }

    private static readonly IEqualityComparer<NewUser> Same = EqualityComparer<NewUser>.Create(
        (a, b) => (a!.Email, a.DisplayName, a.TemporaryPassword, string.Join(",", a.Roles)) == (b!.Email, b.DisplayName, b.TemporaryPassword, string.Join(",", b.Roles)));

    private IRenderedComponent<NewUserForm> Render() => Context.Render<NewUserForm>(p => p
        .Add(f => f.Add, u => { added.Add(u); return Task.FromResult(true); })
        .Add(f => f.Generate, () => $"Temp-{++generated}"));
}
