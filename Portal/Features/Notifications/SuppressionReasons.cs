namespace Portal.Features.Notifications;

/// <summary>Why a notice was not sent, as stored in <c>CustomerNotice.LastError</c> and shown to Sales and Admin.</summary>
public static class SuppressionReasons
{
    public const string OptedOut = "customer opted out";
    public const string NoAddress = "no email address";
    public const string SameState = "same state already emailed";
    public const string NothingToReport = "no order lines left to report";
}
