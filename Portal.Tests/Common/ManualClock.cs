namespace Portal.Tests.Common;

/// <summary>A clock the test moves by hand (Microsoft.Extensions.TimeProvider.Testing is not on our feed).</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
