using System.Globalization;
using Portal.Domain.Admin;
using Portal.Domain.Common;
using Portal.Features.Notifications.Delivery;

namespace Portal.Features.Admin.Settings;

/// <param name="Changes">Each changed field, before → after, for the audit log; never a password.</param>
/// <param name="MovesDates">A change to the calendar, handling days or thresholds: every product's dates are worked out again.</param>
internal sealed record SettingsChange(IReadOnlyList<string> Changes, bool MovesDates);

/// <summary>
/// Applies an edited form through the settings' own methods (which refuse what is not allowed) and lists what changed.
/// </summary>
internal static class SettingsChanges
{
    /// <param name="newPassword">The form's new SMTP password, already sealed (and checked), or null to keep the saved one.</param>
    public static SettingsChange Apply(PortalSettings s, SettingsForm f, string? newPassword)
    {
        var before = Describe(s);
        s.ChangeWorkingDays(f.WorkingDays);
        s.ChangeDates(f.PickDays, f.ReceivingDays, f.EtaMoveThresholdDays, f.LeadTimeMoveThresholdDays, f.QuietWindowMinutes);
        s.ChangeCustomerQuestions(f.LaterDateQuestionDays, f.UnansweredReminderDays);
        s.ChangeSender(f.CompanyName, f.SenderAddress);
        if (s.SenderAddress is { } sender && !EmailTransport.IsAddress(sender))
        {
            throw new DomainException($"Sender address \"{sender}\" is not an email address.");
        }

        s.ChangeSmtp(f.SmtpEnabled, f.SmtpHost, f.SmtpPort, f.SmtpRequireTls, f.SmtpUserName);

        var changed = before.Zip(Describe(s)).Where(pair => pair.First.Value != pair.Second.Value).ToList();
        var changes = changed.Select(pair => $"{pair.First.Field}: {pair.First.Value} → {pair.Second.Value}").ToList();
        if (PasswordChange(s, f, newPassword) is { } password)
        {
            changes.Add(password);
        }

        return new SettingsChange(changes, changed.Any(pair => pair.First.MovesDates));
    }

    private static List<(string Field, string Value, bool MovesDates)> Describe(PortalSettings s) =>
    [
        ("Working days", s.WorkingDays.ToString(), true),
        ("Pick days", Show.Count(s.PickDays), true),
        ("Receiving days", Show.Count(s.ReceivingDays), true),
        ("ETA change threshold", $"{Show.Count(s.EtaMoveThresholdDays)} business days", true),
        ("Lead-time re-announce threshold", $"{Show.Count(s.LeadTimeMoveThresholdDays)} business days", true),
        ("Quiet window", $"{Show.Count(s.QuietWindowMinutes)} minutes", false),
        // Read when an email is written or the Sales home is shown; no date moves.
        ("Later-date question threshold", $"{Show.Count(s.LaterDateQuestionDays)} business days", false),
        ("Unanswered question reminder", $"{Show.Count(s.UnansweredReminderDays)} days", false),
        ("Company name", s.CompanyName ?? "none", false),
        ("Sender address", s.SenderAddress ?? "as configured", false),
        ("Own SMTP server", s.SmtpEnabled ? "on" : "off", false),
        ("SMTP server", s.SmtpHost ?? "none", false),
        ("SMTP port", s.SmtpPort.ToString(CultureInfo.InvariantCulture), false),
        ("SMTP requires TLS", s.SmtpRequireTls ? "yes" : "no", false),
        ("SMTP user name", s.SmtpUserName ?? "none", false),
    ];

    // Only that it changed: the password itself goes nowhere but into its sealed column.
    private static string? PasswordChange(PortalSettings s, SettingsForm f, string? newPassword)
    {
        var wasSet = s.ProtectedSmtpPassword is not null;
        if (newPassword is not null)
        {
            s.ReplaceSmtpPassword(newPassword);
            return wasSet ? "SMTP password changed" : "SMTP password set";
        }

        if (f.RemoveSmtpPassword && wasSet)
        {
            s.RemoveSmtpPassword();
            return "SMTP password removed";
        }

        return null;
    }
}
