using Portal.Domain.Allocation;

namespace Portal.Tests.Allocation;

// Projection with the default handling days (+1 receiving, +1 pick) on Wednesday 2026-11-18, Thanksgiving holidays.
internal static class Eta
{
    public static IReadOnlyList<LineEta> Project(PoolBuilder pool, EtaSettings? settings = null, DateOnly? today = null) =>
        EtaProjector.Project(pool.Build(), today ?? Day.Today, Day.Calendar, settings ?? EtaSettings.Default);
}
