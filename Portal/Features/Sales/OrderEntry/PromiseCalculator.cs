using Portal.Domain.Allocation;
using Portal.Domain.Common;
using Portal.Features.Allocation;

namespace Portal.Features.Sales.OrderEntry;

/// <summary>
/// Runs the engine's promise preview (docs/ship-dates.md#order-entry-preview) on the pools of an unsaved order. Pure:
/// the pools, the rules and "now" come in, so the page can call it on every quantity change and tests need no database.
/// </summary>
internal static class PromiseCalculator
{
    public static OrderPreview Preview(
        OrderDraft draft, int priorityTier, IReadOnlyDictionary<int, PoolSnapshot> pools, AllocationRules rules, DateTimeOffset now)
    {
        var stockShipDate = rules.Calendar.AddBusinessDays(rules.Today, rules.Eta.PickDays);
        var refused = new Dictionary<int, LinePreview>();
        var valid = new List<DraftLine>();
        foreach (var line in draft.Lines)
        {
            var problem = QuantityProblem(line.Quantity) ?? (pools.ContainsKey(line.ProductId) ? null : "This product is unknown or no longer sold.");
            if (problem is null)
            {
                valid.Add(line);
            }
            else
            {
                refused[line.LineNumber] = LinePreview.Refused(line.LineNumber, line.Quantity, problem);
            }
        }

        var order = new NewOrder(priorityTier, Expedite: false, draft.RequestedShipDate, now, draft.ShipComplete);
        var requests = valid.GroupBy(l => l.ProductId)
            .Select(g => new PoolLines(pools[g.Key], g.Select(l => new NewLine(l.LineNumber, l.Quantity)).ToList()))
            .ToList();
        var promise = PromisePreview.ForOrder(order, requests, rules.Today, rules.Calendar, rules.Eta);
        var promised = promise.Lines.ToDictionary(l => l.LineNumber);
        var productOf = valid.ToDictionary(l => l.LineNumber, l => l.ProductId);

        var lines = draft.Lines
            .Select(l => refused.TryGetValue(l.LineNumber, out var no) ? no : Describe(promised[l.LineNumber], pools[productOf[l.LineNumber]], order, rules.Today))
            .ToList();
        var completeDate = promise.Lines.Count == 0 ? (DateOnly?)null : promise.ShipCompleteDate;
        return new OrderPreview(lines, draft.ShipComplete, stockShipDate, completeDate, draft.RequestedShipDate);
    }

    /// <summary>The same words the domain uses when the order is saved, so preview and save never disagree.</summary>
    public static string? QuantityProblem(int quantity)
    {
        try
        {
            Guard.Quantity(quantity, "Quantity");
            return null;
        }
        catch (DomainException e)
        {
            return e.Message;
        }
    }

    private static LinePreview Describe(LinePromise promise, PoolSnapshot pool, NewOrder order, DateOnly today)
    {
        var incoming = pool.Supply.Where(s => s.OpenQuantity > 0)
            .OrderBy(s => s.ExpectedDate).ThenBy(s => s.PoId)
            .Select(s => new IncomingSupply(s.PoId, s.ExpectedDate, s.OpenQuantity, s.ExpectedDate < today))
            .ToList();
        return new LinePreview(
            promise.LineNumber, promise.Quantity, pool.OnHand, promise.AvailableNow, promise.PromisedToOthers, promise.TakenByOrdersAhead,
            WaitingAhead(pool, order, promise.TakenByOrdersAhead), incoming, promise.ShipsNow, promise.Eta.EtaDate, promise.Eta.Basis,
            promise.Eta.CoveringPoId, promise.Explanation);
    }

    // Units on earlier orders still waiting for supply once free stock has gone round: incoming goods reach them first.
    private static int WaitingAhead(PoolSnapshot pool, NewOrder order, int takenFromStock)
    {
        var probe = new DemandLine(0, 0, 0, order.Expedite, order.PriorityTier, order.RequestedShipDate, order.PlacedAt, order.ShipComplete,
            false, 1, 0, 0, 0);
        var ahead = pool.Lines.Where(l => l.IsCandidate && PriorityOrder.Compare(l, probe) < 0).Sum(l => l.Backordered);
        return Math.Max(0, ahead - takenFromStock);
    }
}
