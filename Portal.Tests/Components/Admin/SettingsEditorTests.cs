using Bunit;
using Portal.Features.Admin;
using Portal.Features.Admin.Settings;

namespace Portal.Tests.Components.Admin;

/// <summary>The settings form saves what is typed, or refuses a value outside what the settings allow, naming the field.</summary>
public sealed class SettingsEditorTests : ComponentTest
{
    private static readonly SettingsForm Current = new(PickDays: 1, ReceivingDays: 1, EtaMoveThresholdDays: 1, QuietWindowMinutes: 10, Version: 3);

    [Theory]
    [InlineData("PickDays", "31", "Pick days must be between 0 and 30; got 31.")]
    [InlineData("ReceivingDays", "1.5", "Receiving days must be a whole number; \"1.5\" is not.")]
    [InlineData("EtaMoveThresholdDays", "0", "ETA change threshold must be between 1 and 30; got 0.")]
    [InlineData("QuietWindowMinutes", "1441", "Quiet window must be between 0 and 1,440; got 1441.")]
    [InlineData("QuietWindowMinutes", "", "Quiet window is required.")]
    public void A_bad_value_is_refused_with_its_message_and_nothing_is_saved(string field, string typed, string message)
    {
        var saved = new List<SettingsForm>();
        var editor = Render(saved);

        editor.Find($"#{field}").Input(typed);
        editor.Find("button").Click();

        editor.WaitForAssertion(() => Assert.Contains(message, editor.Markup));
        Assert.Empty(saved);
    }

    [Fact]
    public void What_is_typed_is_saved_with_the_version_it_was_read_at()
    {
        var saved = new List<SettingsForm>();
        var editor = Render(saved);

        editor.Find("#QuietWindowMinutes").Input("15");
        editor.Find("#PickDays").Input("2");
        editor.Find("button").Click();

        editor.WaitForAssertion(() => Assert.Equal([Current with { PickDays = 2, QuietWindowMinutes = 15 }], saved));
    }

    [Fact]
    public void A_refusal_from_the_service_is_shown()
    {
        var editor = Context.Render<SettingsEditor>(p => p.Add(e => e.Form, Current).Add(e => e.Error, "Someone else changed the settings.")
            .Add(e => e.OnSave, (SettingsForm _) => { }));

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

    private IRenderedComponent<SettingsEditor> Render(List<SettingsForm> saved) =>
        Context.Render<SettingsEditor>(p => p.Add(e => e.Form, Current).Add(e => e.OnSave, (SettingsForm f) => saved.Add(f)));
}
