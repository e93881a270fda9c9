using MudBlazor;

namespace Portal.Components.Shared;

/// <summary>The one way pages tell a user how an action went: a snackbar, worded and timed the same everywhere.</summary>
public sealed class Notifier(ISnackbar snackbar)
{
    public void Saved(string message) => snackbar.Add(message, Severity.Success);

    public void Refused(string message) => snackbar.Add(message, Severity.Error, o => o.RequireInteraction = true);

    public void Note(string message) => snackbar.Add(message, Severity.Info);
}
