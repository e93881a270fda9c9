namespace Portal.Data.Migrations;

/// <summary>
/// The tables Quartz made for itself in the portal's database until Hangfire replaced it; the migration that brings
/// Hangfire drops them. Dependents first, so SQLite's foreign keys never stop a drop.
/// </summary>
internal static class QuartzTables
{
    private static readonly string[] Names =
    [
        "FIRED_TRIGGERS", "PAUSED_TRIGGER_GRPS", "PAUSED_JOB_GRPS", "SCHEDULER_STATE", "LOCKS", "SIMPLE_TRIGGERS", "SIMPROP_TRIGGERS",
        "CRON_TRIGGERS", "BLOB_TRIGGERS", "TRIGGERS", "JOB_DETAILS", "CALENDARS", "EXECUTION_HISTORY", "MISFIRE_HISTORY", "JOB_STATUS",
    ];

    /// <summary>SQLite's names are upper case, PostgreSQL's lower case, as Quartz created them.</summary>
    public static string DropSql(bool upperCase) =>
        string.Join("\n", Names.Select(name => $"DROP TABLE IF EXISTS {(upperCase ? "QRTZ_" + name : "qrtz_" + name.ToLowerInvariant())};"));
}
