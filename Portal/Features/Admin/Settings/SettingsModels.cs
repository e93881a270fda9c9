using Portal.Domain.Allocation;

namespace Portal.Features.Admin.Settings;

/// <summary>
/// Every setting an Admin edits, as read at <see cref="Version"/>. The SMTP password is never read back: the form only
/// says whether one is set, and a new one replaces it.
/// </summary>
public sealed record SettingsForm
{
    public WorkWeek WorkingDays { get; set; } = WorkWeek.MondayToFriday;
    public int PickDays { get; set; }
    public int ReceivingDays { get; set; }
    public int EtaMoveThresholdDays { get; set; }
    public int LeadTimeMoveThresholdDays { get; set; }
    public int QuietWindowMinutes { get; set; }
    public int LaterDateQuestionDays { get; set; }
    public int UnansweredReminderDays { get; set; }

    public string? CompanyName { get; set; }
    public string? SenderAddress { get; set; }
    public bool SmtpEnabled { get; set; }
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    public bool SmtpRequireTls { get; set; }
    public string? SmtpUserName { get; set; }

    /// <summary>Whether a password is saved, as read.</summary>
    public bool SmtpPasswordSet { get; init; }

    /// <summary>A password is saved but the data-protection keys it was sealed with are gone: it has to be entered again.</summary>
    public bool SmtpPasswordUnreadable { get; init; }

    /// <summary>Typed by the Admin: replaces the saved password; empty keeps it.</summary>
    public string? NewSmtpPassword { get; set; }

    public bool RemoveSmtpPassword { get; set; }

    public int Version { get; init; }

    // A record prints every property; this one holds a password.
    public override string ToString() => $"Settings form at version {Version}";
}

public sealed record HolidayRow(DateOnly Date, string Name);

/// <summary>What the configuration says about email, for the page to show what an empty field falls back to.</summary>
/// <param name="Delivery">In words: "written as .eml files to /srv/portal/mail-pickup", "sent over SMTP to mail.example.com:587".</param>
public sealed record ConfiguredEmail(string From, string Delivery);
