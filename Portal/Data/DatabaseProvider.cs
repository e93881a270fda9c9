namespace Portal.Data;

/// <summary>
/// The provider seam: SQLite is the embedded default, PostgreSQL the database several instances share, SQL Server
/// the deployment database the portal was specified with. Each has its own migrations (Data/Migrations/&lt;Provider&gt;).
/// </summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder for the embedded SQLite file and the mail pickup folder, relative to the content root.</summary>
    public string DataFolder { get; set; } = "App_Data";

    /// <summary>Demo data and demo users on a new database. On by default only for the embedded SQLite database.</summary>
    public bool? SeedDemoData { get; set; }

    /// <summary>The resolved connection string (the SQLite file's when none is configured); the scheduler shares it.</summary>
    public string ConnectionString { get; set; } = "";

    public bool ShouldSeedDemoData => SeedDemoData ?? Provider == DatabaseProvider.Sqlite;
}
