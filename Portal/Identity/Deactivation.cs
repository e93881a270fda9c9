namespace Portal.Identity;

/// <summary>
/// A deactivated account is one locked out for good: its lockout ends in the year 9999. Identity then refuses every
/// sign-in by itself, and no column is added. A lockout after failed sign-ins ends within minutes, so the two never
/// look alike. (Not DateTimeOffset.MaxValue: PostgreSQL stores microseconds and would round it past the year 9999.)
/// </summary>
public static class Deactivation
{
    public static readonly DateTimeOffset Until = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static bool IsDeactivated(this ApplicationUser user) => user.LockoutEnd >= Until;
}
