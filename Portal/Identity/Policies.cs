namespace Portal.Identity;

/// <summary>Named policies, for endpoints that cannot carry [Authorize(Roles = …)] (the jobs dashboard).</summary>
public static class Policies
{
    public const string Admin = "Admin";
}
