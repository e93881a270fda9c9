namespace Portal.Features.Admin.Users;

public enum UserStatus
{
    Active,
    LockedOut,
    Deactivated,
}

/// <summary>
/// One row of the list of users. <see cref="Version"/> is Identity's concurrency stamp as read: a change sent with an
/// older one is refused, so an Admin never overwrites what another Admin (or the user) changed meanwhile.
/// </summary>
public sealed record UserSummary(
    string Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    UserStatus Status,
    bool TemporaryPassword,
    DateTimeOffset? LastSignIn,
    string Version);

/// <summary>A user to add; the password is temporary: its owner replaces it at the first sign-in.</summary>
public sealed record NewUser(string Email, string DisplayName, string TemporaryPassword, IReadOnlyCollection<string> Roles);

public static class UserStatusWords
{
    public static string Words(this UserStatus status) => status switch
    {
        UserStatus.LockedOut => "Locked out",
        _ => status.ToString(),
    };
}
