using Bunit;
using Portal.Domain.Allocation;
using Portal.Features.Admin.Settings;

namespace Portal.Tests.Components.Admin;

/// <summary>The settings form saves what is typed, or refuses a value the settings do not allow, naming the field, and saves nothing.</summary>
public sealed class SettingsEditorTests : ComponentTest
{
    private static readonly SettingsForm Current = new()
    {
        PickDays = 1, ReceivingDays = 1, EtaMoveThresholdDays = 1, LeadTimeMoveThresholdDays = 5, QuietWindowMinutes = 10, Version = 3,
    };

    private static readonly ConfiguredEmail Configured = new("backorders@portal.local", "written as .eml files to /srv/portal/mail-pickup");

    [Theory]
    [InlineData("PickDays", "31", "Pick days must be between 0 and 30; got 31.")]
    [InlineData("ReceivingDays", "1.5", "Receiving days must be a whole number; \"1.5\" is not.")]
    [InlineData("EtaMoveThresholdDays", "0", "ETA change threshold must be between 1 and 30; got 0.")]
    [InlineData("LeadTimeMoveThresholdDays", "31", "Lead-time re-announce threshold must be between 1 and 30; got 31.")]
    [InlineData("QuietWindowMinutes", "1441", "Quiet window must be between 0 and 1,440; got 1441.")]
    [InlineData("QuietWindowMinutes", "", "Quiet window is required.")]
    public void A_bad_number_is_refused_with_its_message_and_nothing_is_saved(string field, string typed, string message)
    {
        var saved = new List<SettingsForm>();
        var editor = Render(saved);

        editor.Find($"#{field}").Input(typed);
        Save(editor);

        editor.WaitForAssertion(() => Assert.Contains(message, editor.Markup));
        Assert.Empty(saved);
    }

    [Theory]
    [InlineData("CompanyName", "A company name that goes on and on and on and on and on and on and on and on and on and on and on and on", "Company name is longer than 100 characters.")]
    [InlineData("SenderAddress", "backorders", "Sender address \"backorders\" is not an email address.")]
    [InlineData("SmtpHost", "smtp example", "SMTP server \"smtp example\" is not a host name or IP address.")]
    [InlineData("SmtpHost", "", "SMTP server is required to send through your own server.")]
    public void A_bad_email_setting_is_refused_under_its_box_and_the_email_tab_opens(string field, string typed, string message)
    {
        var saved = new List<SettingsForm>();
        var editor = Render(saved, Current with { SmtpEnabled = true, SmtpHost = "smtp.acme.example" });

        editor.Find($"#{field}").Change(typed);
        Save(editor);

        editor.WaitForAssertion(() => Assert.Contains(message, editor.Markup));
        Assert.Equal("Email", editor.Find(".mud-tab-active").TextContent.Trim());
        Assert.Empty(saved);
    }

    [Fact]
    public void A_week_without_a_working_day_is_refused()
    {
        var saved = new List<SettingsForm>();
        var editor = Render(saved);

        foreach (var day in new[] { "Mon", "Tue", "Wed", "Thu", "Fri" })
        {
            editor.Find($"input[data-day={day}]").Change(false);
        }

        Save(editor);

        editor.WaitForAssertion(() => Assert.Contains("Working days: pick at least one day of the week.", editor.Markup));
        Assert.Empty(saved);
    }

    [Fact]
    public void What_is_edited_on_every_tab_is_saved_together_with_the_version_it_was_read_at()
    {
        var saved = new List<SettingsForm>();
        var editor = Render(saved);

        editor.Find("input[data-day=Sat]").Change(true);
        editor.Find("#QuietWindowMinutes").Input("15");
        editor.Find("#LeadTimeMoveThresholdDays").Input("10");
        editor.Find("#CompanyName").Change("Acme Supplies");
        Save(editor);

        var saturday = WorkWeek.Of([.. WorkWeek.MondayToFriday.Days, DayOfWeek.Saturday]);
        editor.WaitForAssertion(() => Assert.Equal(
            [Current with { WorkingDays = saturday, QuietWindowMinutes = 15, LeadTimeMoveThresholdDays = 10, CompanyName = "Acme Supplies" }], saved));
    }

    [Fact]
    public void A_saved_SMTP_password_shows_as_set_never_as_its_value_and_a_new_one_replaces_it()
    {
        var saved = new List<SettingsForm>();
        var editor = Render(saved, Current with { SmtpEnabled = true, SmtpHost = "smtp.acme.example", SmtpPasswordSet = true });

        Assert.Equal("set", editor.Find("[data-testid=smtp-password-status]").TextContent.Trim());
        var box = editor.Find("#SmtpPassword");
        Assert.Equal("password", box.GetAttribute("type"));
        Assert.True(string.IsNullOrEmpty(box.GetAttribute("value")));

        box.Change("N3w-Secret");
        Save(editor);

        editor.WaitForAssertion(() => Assert.Equal("N3w-Secret", Assert.Single(saved).NewSmtpPassword));
    }

    [Fact]
    public void A_saved_password_that_can_no_longer_be_read_says_so()
    {
        var editor = Render([], Current with { SmtpEnabled = true, SmtpHost = "smtp.acme.example", SmtpPasswordSet = true, SmtpPasswordUnreadable = true });

        Assert.Equal("set, but unreadable: enter it again", editor.Find("[data-testid=smtp-password-status]").TextContent.Trim());
    }

    [Fact]
    public void With_its_own_SMTP_server_off_the_form_says_where_emails_go_as_configured()
    {
        var editor = Render([]);

        Assert.Contains("written as .eml files to /srv/portal/mail-pickup", editor.Find("[data-testid=configured-delivery]").TextContent);
        Assert.Empty(editor.FindAll("#SmtpHost"));
        Assert.Contains("Empty: backorders@portal.local, from the configuration", editor.Markup);
    }

    [Fact]
    public void A_refusal_from_the_service_is_shown()
    {
        var editor = Context.Render<SettingsEditor>(p => p.Add(e => e.Form, Current).Add(e => e.Configured, Configured)
            .Add(e => e.Error, "Someone else changed the settings.").Add(e => e.OnSave, (SettingsForm _) => { }));

        Assert.Equal("Someone else changed the settings.", editor.Find("[data-testid=settings-error]").TextContent.Trim());
    }

    [Fact]
    public void What_was_typed_stays_in_its_box_when_the_save_is_refused()
    {
        var editor = Render([]);

        editor.Find("#PickDays").Input("7");
        editor.Render(p => p.Add(e => e.Error, "Someone else changed the settings."));

        Assert.Equal("7", editor.Find("#PickDays").GetAttribute("value"));
    }

    [Fact]
    public void Settings_read_again_fill_the_boxes()
    {
        var editor = Render([]);

        editor.Find("#PickDays").Input("7");
        editor.Render(p => p.Add(e => e.Form, Current with { PickDays = 4, Version = 4 }));

        Assert.Equal("4", editor.Find("#PickDays").GetAttribute("value"));
    }

    private static void Save(IRenderedComponent<SettingsEditor> editor) => editor.Find("[data-testid=save-settings]").Click();

    private IRenderedComponent<SettingsEditor> Render(List<SettingsForm> saved, SettingsForm? form = null) =>
        Context.Render<SettingsEditor>(p => p.Add(e => e.Form, form ?? Current).Add(e => e.Configured, Configured)
            .Add(e => e.OnSave, (SettingsForm f) => saved.Add(f)));
}
