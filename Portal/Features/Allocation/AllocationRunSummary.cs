namespace Portal.Features.Allocation;

/// <summary>What one run did, for job history, logs and the benchmark.</summary>
public sealed record AllocationRunSummary(
    int Products, int Pools, int Lines, int LinesWritten, int UnitsAllocated, int Notices, int Statements, int Attempts, TimeSpan Elapsed)
{
    public static readonly AllocationRunSummary Nothing = new(0, 0, 0, 0, 0, 0, 0, 1, TimeSpan.Zero);

    public string Describe() =>
        $"{Products:N0} products, {Lines:N0} lines read, {LinesWritten:N0} written, {UnitsAllocated:N0} units allocated, {Notices:N0} notices, " +
        $"{Statements} statements, {Elapsed.TotalMilliseconds:N0} ms{(Attempts > 1 ? $", {Attempts} attempts" : "")}";
}
