namespace Portal.Hosting;

/// <summary>Workers take allocation first: a waiting receipt matters more than an email a minute later.</summary>
public static class JobQueues
{
    public const string Allocation = "allocation";
    public const string Notifications = "notifications";
    public const string Default = "default";

    public static readonly string[] InPriorityOrder = [Allocation, Notifications, Default];
}
