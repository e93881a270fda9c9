namespace Portal.Hosting;

/// <summary>A data-protection key kept in the database, so every portal instance reads the same cookies.</summary>
public class DataProtectionKey
{
    public int Id { get; set; }
    public string FriendlyName { get; set; } = "";
    public string Xml { get; set; } = "";
}
