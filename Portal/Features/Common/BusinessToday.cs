namespace Portal.Features.Common;

/// <summary>The business's calendar day: dates (ETAs, expected and requested dates) are days in UTC throughout the portal.</summary>
public static class BusinessToday
{
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
