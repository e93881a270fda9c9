namespace Portal.Features.Allocation;

/// <summary>What one run did, for job history, logs and the benchmark.</summary>
public sealed record AllocationRunSummary(
    int Pools, int Lines, int LinesWritten, int UnitsAllocated, int Notices, int Statements, int Attempts, TimeSpan Elapsed)
{
    public static readonly AllocationRunSummary Nothing = new(0, 0, 0, 0, 0, 0, 1, TimeSpan.Zero);
}
