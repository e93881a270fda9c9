using Portal.Domain.Allocation;
using Portal.Domain.Common;

namespace Portal.Domain.Admin;

/// <summary>
/// The single row of settings an Admin changes at run time: the business calendar's working days, the handling days
/// and notice thresholds that dates and emails follow, and how customer emails are signed and sent. Holidays are rows
/// of their own (<see cref="Holiday"/>).
/// </summary>
public class PortalSettings : Entity
{
    public const int SingletonId = 1;

    /// <summary>The ranges the change methods allow, for forms to show and check before saving.</summary>
    public const int MinPickDays = 0, MaxPickDays = 30;
    public const int MinReceivingDays = 0, MaxReceivingDays = 30;
    public const int MinEtaMoveThresholdDays = 1, MaxEtaMoveThresholdDays = 30;
    public const int MinLeadTimeMoveThresholdDays = 1, MaxLeadTimeMoveThresholdDays = 30;
    public const int MinQuietWindowMinutes = 0, MaxQuietWindowMinutes = 24 * 60;
    public const int MinLaterDateQuestionDays = 1, MaxLaterDateQuestionDays = 60;
    public const int MinUnansweredReminderDays = 1, MaxUnansweredReminderDays = 30;
    public const int MinSmtpPort = 1, MaxSmtpPort = 65535;

    public PortalSettings() => Id = SingletonId;

    public WorkWeek WorkingDays { get; private set; } = WorkWeek.MondayToFriday;
    public int PickDays { get; private set; } = 1;
    public int ReceivingDays { get; private set; } = 1;
    public int EtaMoveThresholdDays { get; private set; } = 1;
    public int LeadTimeMoveThresholdDays { get; private set; } = 5;
    public int QuietWindowMinutes { get; private set; } = 10;

    /// <summary>A date that slips later by more than this many business days asks the customer to accept it or cancel.</summary>
    public int LaterDateQuestionDays { get; private set; } = 5;

    /// <summary>A later-date question unanswered for this many days is shown to the rep on the Sales home.</summary>
    public int UnansweredReminderDays { get; private set; } = 3;

    /// <summary>Signs customer emails and names their sender; none: emails carry no company name.</summary>
    public string? CompanyName { get; private set; }

    /// <summary>The From address of customer emails; none: the configured <c>Email:From</c>.</summary>
    public string? SenderAddress { get; private set; }

    /// <summary>On: emails go through the SMTP server below, whatever the configuration says; off: as configured.</summary>
    public bool SmtpEnabled { get; private set; }
    public string? SmtpHost { get; private set; }
    public int SmtpPort { get; private set; } = 25;
    public bool SmtpRequireTls { get; private set; }
    public string? SmtpUserName { get; private set; }

    /// <summary>The SMTP password as the app's data protection sealed it; never the password itself.</summary>
    public string? ProtectedSmtpPassword { get; private set; }

    public void ChangeWorkingDays(WorkWeek workingDays) =>
        WorkingDays = workingDays.IsEmpty ? throw new DomainException("Working days: pick at least one day of the week.") : workingDays;

    public void ChangeDates(int pickDays, int receivingDays, int etaMoveThresholdDays, int leadTimeMoveThresholdDays, int quietWindowMinutes)
    {
        var pick = Range(pickDays, MinPickDays, MaxPickDays, "Pick days");
        var receiving = Range(receivingDays, MinReceivingDays, MaxReceivingDays, "Receiving days");
        var eta = Range(etaMoveThresholdDays, MinEtaMoveThresholdDays, MaxEtaMoveThresholdDays, "ETA change threshold");
        var leadTime = Range(leadTimeMoveThresholdDays, MinLeadTimeMoveThresholdDays, MaxLeadTimeMoveThresholdDays, "Lead-time re-announce threshold");
        var quiet = Range(quietWindowMinutes, MinQuietWindowMinutes, MaxQuietWindowMinutes, "Quiet window");
        (PickDays, ReceivingDays, EtaMoveThresholdDays, LeadTimeMoveThresholdDays, QuietWindowMinutes) = (pick, receiving, eta, leadTime, quiet);
    }

    public void ChangeCustomerQuestions(int laterDateQuestionDays, int unansweredReminderDays)
    {
        var ask = Range(laterDateQuestionDays, MinLaterDateQuestionDays, MaxLaterDateQuestionDays, "Later-date question threshold");
        var remind = Range(unansweredReminderDays, MinUnansweredReminderDays, MaxUnansweredReminderDays, "Unanswered question reminder");
        (LaterDateQuestionDays, UnansweredReminderDays) = (ask, remind);
    }

    public void ChangeSender(string? companyName, string? senderAddress)
    {
        var (company, sender) = (EmailSettingsRules.Optional(companyName), EmailSettingsRules.Optional(senderAddress));
        Refuse(EmailSettingsRules.CompanyNameProblem(company) ?? EmailSettingsRules.SenderAddressProblem(sender));
        (CompanyName, SenderAddress) = (company, sender);
    }

    public void ChangeSmtp(bool enabled, string? host, int port, bool requireTls, string? userName)
    {
        var (server, user) = (EmailSettingsRules.Optional(host), EmailSettingsRules.Optional(userName));
        Refuse(EmailSettingsRules.SmtpHostProblem(server, enabled) ?? EmailSettingsRules.SmtpUserNameProblem(user));
        var checkedPort = Range(port, MinSmtpPort, MaxSmtpPort, "SMTP port");
        (SmtpEnabled, SmtpHost, SmtpPort, SmtpRequireTls, SmtpUserName) = (enabled, server, checkedPort, requireTls, user);
    }

    /// <param name="protectedPassword">The new password sealed by data protection; check the plain one with <see cref="EmailSettingsRules.SmtpPasswordProblem"/>.</param>
    public void ReplaceSmtpPassword(string protectedPassword) =>
        ProtectedSmtpPassword = string.IsNullOrEmpty(protectedPassword) ? throw new DomainException("SMTP password is required.") : protectedPassword;

    public void RemoveSmtpPassword() => ProtectedSmtpPassword = null;

    private static int Range(int value, int min, int max, string what) =>
        value >= min && value <= max ? value : throw new DomainException($"{what} must be between {min:N0} and {max:N0}; got {value}.");

    private static void Refuse(string? problem)
    {
        if (problem is not null)
        {
            throw new DomainException(problem);
        }
    }
}
