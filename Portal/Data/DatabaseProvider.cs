namespace Portal.Data;

/// <summary>
/// The provider seam. SQL Server is the database the project was first specified with; its EF provider's
/// dependencies are not on our package feed, so adding it later is one more case in <see cref="DataServiceCollectionExtensions"/>.
/// </summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
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
