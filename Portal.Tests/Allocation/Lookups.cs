using Portal.Domain.Allocation;

namespace Portal.Tests.Allocation;

// Find a line's result by order number and line number, as the rules talk about them.
internal static class Lookups
{
    public static LineAllocation Line(this AllocationResult result, int orderId, int lineNumber = 1) =>
        result.Lines.Single(l => l.LineId == LineBuilder.IdOf(orderId, lineNumber));

    public static LineEta Line(this IReadOnlyList<LineEta> etas, int orderId, int lineNumber = 1) =>
        etas.Single(e => e.LineId == LineBuilder.IdOf(orderId, lineNumber));

    public static RedistributionLine Line(this RedistributionPlan plan, int orderId, int lineNumber = 1) =>
        plan.Lines.Single(l => l.LineId == LineBuilder.IdOf(orderId, lineNumber));
}
