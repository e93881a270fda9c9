using FsCheck;
using FsCheck.Fluent;
using Portal.Domain.Common;
using Portal.Domain.Sales;
using Portal.Tests.Allocation;

namespace Portal.Tests.Sales.Orders;

/// <summary>
/// Whatever a rep, the warehouse and the allocation run do to an order, in any order: no quantity goes negative,
/// Allocated never exceeds what is left to ship, Backordered is what the formula says, and a refused step changes nothing.
/// </summary>
public sealed class OrderLineInvariantTests
{
    private enum Step { Allocate, Release, Ship, Cancel, CancelRest, ChangeQuantity, Hold, ReleaseHold }

    private static readonly Arbitrary<(Step Step, int Line, int Quantity)[]> Steps =
        (from step in Gen.Elements(Enum.GetValues<Step>())
         from line in Gen.Choose(1, 2)
         from quantity in Gen.Choose(-1, 12)
         select (step, line, quantity)).ArrayOf().ToArbitrary();

    [Fact]
    public void Any_sequence_of_changes_keeps_every_line_consistent() =>
        Properties.Check(Steps, steps =>
        {
            var order = NewOrder();
            foreach (var (step, lineNumber, quantity) in steps)
            {
                var before = Snapshot(order);
                try
                {
                    Apply(order, step, lineNumber, quantity);
                }
                catch (DomainException)
                {
                    if (Snapshot(order) != before) return false;
                }

                if (!order.Lines.All(Consistent)) return false;
            }

            return OrderStatusAgrees(order);
        }, runs: 500);

    private static void Apply(SalesOrder order, Step step, int lineNumber, int quantity)
    {
        var line = order.Line(lineNumber);
        switch (step)
        {
            case Step.Allocate: line.Allocate(quantity); break;
            case Step.Release: line.Release(quantity); break;
            case Step.Ship: order.Ship(lineNumber, quantity); break;
            case Step.Cancel: order.Cancel(lineNumber, quantity); break;
            case Step.CancelRest: order.CancelRest(); break;
            case Step.ChangeQuantity: order.ChangeQuantity(lineNumber, quantity); break;
            case Step.Hold: order.PutOnHold(); break;
            case Step.ReleaseHold: order.ReleaseHold(); break;
        }
    }

    private static bool Consistent(SalesOrderLine l) =>
        l is { Ordered: >= 0, Allocated: >= 0, Shipped: >= 0, Cancelled: >= 0, Backordered: >= 0 }
        && l.Allocated <= l.Ordered - l.Shipped - l.Cancelled
        && l.Backordered == l.Ordered - l.Allocated - l.Shipped - l.Cancelled;

    private static bool OrderStatusAgrees(SalesOrder order)
    {
        var unshipped = order.Lines.Sum(l => l.Unshipped);
        return order.Status switch
        {
            OrderStatus.Cancelled => order.Lines.All(l => l.Shipped == 0 && l.Unshipped == 0),
            OrderStatus.Shipped => unshipped == 0 && order.Lines.Any(l => l.Shipped > 0),
            _ => unshipped > 0,
        };
    }

    private static string Snapshot(SalesOrder order) =>
        order.Status + string.Concat(order.Lines.Select(l => $"|{l.Ordered},{l.Allocated},{l.Shipped},{l.Cancelled},{l.Backordered}"));

    private static SalesOrder NewOrder()
    {
        var customer = new Customer("C1", "Acme", "buyer@acme.example", 3, "rep@portal.example");
        var order = new SalesOrder(customer, 1, "rep@portal.example", DateTimeOffset.UnixEpoch);
        order.AddLine(1, 6, 1m);
        order.AddLine(2, 4, 1m);
        return order;
    }
}
