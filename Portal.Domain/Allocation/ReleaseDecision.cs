namespace Portal.Domain.Allocation;

public sealed record ReleaseDecision(bool Releasable, IReadOnlyList<LineRelease> Lines, string Reason);

// Quantity the warehouse may pick for one line.
public readonly record struct LineRelease(int LineId, int Quantity);
