using Bunit;
using MudBlazor;
using Portal.Features.Admin.Users;
using Portal.Identity;

namespace Portal.Tests.Components.Admin;

/// <summary>The roles and reset-password dialogs: what the service refuses is shown in the dialog, which stays open with nothing saved.</summary>
public sealed class UserDialogsTests : ComponentTest
{
    private static readonly UserSummary Ada = new("1", "ada@demo.local", "Ada", [Roles.Admin, Roles.Sales], UserStatus.Active, false, null, "v1");

    [Fact]
    public async Task Roles_start_as_the_user_has_them_and_a_refusal_keeps_the_dialog_open_with_its_reason()
    {
        var sent = new List<IReadOnlyList<string>>();
        var (host, dialog) = await DialogHost.ShowAsync(Context, "Roles", new DialogParameters<UserRolesDialog>
        {
            { d => d.User, Ada },
            { d => d.Save, roles => { sent.Add(roles); return Task.FromResult<string?>("ada@demo.local is the last active Admin."); } },
        });

        host.Find("[data-testid=roles-save]").Click();

        host.WaitForAssertion(() => Assert.Contains("ada@demo.local is the last active Admin.", host.Find("[data-testid=roles-error]").TextContent));
        Assert.Equal([[Roles.Sales, Roles.Admin]], sent);
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task No_role_is_refused_in_the_dialog_and_nothing_is_sent()
    {
        var sent = new List<IReadOnlyList<string>>();
        var (host, dialog) = await DialogHost.ShowAsync(Context, "Roles", new DialogParameters<UserRolesDialog>
        {
            { d => d.User, Ada with { Roles = [] } },
            { d => d.Save, roles => { sent.Add(roles); return Task.FromResult<string?>(null); } },
        });

        host.Find("[data-testid=roles-save]").Click();

        host.WaitForAssertion(() => Assert.Contains("Give the user at least one role.", host.Markup));
        Assert.Empty(sent);
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task A_reset_proposes_a_password_shows_a_refusal_and_returns_the_password_once_set()
    {
        var sent = new List<string>();
        var (host, dialog) = await DialogHost.ShowAsync(Context, "Reset", new DialogParameters<ResetPasswordDialog>
        {
            { d => d.User, Ada },
            { d => d.Generate, () => "Gener4ted!Pass" },
            { d => d.Save, password => { sent.Add(password); return Task.FromResult(password.Length < 8 ? "Passwords must be at least 8 characters." : null); } },
        });
        Assert.Equal("Gener4ted!Pass", host.Find("#reset-password").GetAttribute("value"));

        host.Find("#reset-password").Input("Sh0rt!");
        host.Find("[data-testid=reset-save]").Click();
        host.WaitForAssertion(() => Assert.Contains("Passwords must be at least 8 characters.", host.Find("[data-testid=reset-error]").TextContent));
        Assert.False(dialog.Result.IsCompleted);

        host.Find("#reset-password").Input("L0nger!Pass");
        host.Find("[data-testid=reset-save]").Click();

        Assert.Equal("L0nger!Pass", (await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5)))!.Data);
        Assert.Equal(["Sh0rt!", "L0nger!Pass"], sent);
    }
}
