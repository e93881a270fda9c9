using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Domain.Purchasing;

public class PurchaseOrderLine : Entity
{
    /// <summary>No part this business buys costs a million a unit; more is a typing error.</summary>
    public const decimal MaxUnitCost = 1_000_000m;

    /// <summary>Unit costs are kept to four decimal places.</summary>
    public const int UnitCostDecimals = 4;

    /// <summary>The least a unit can cost at four decimals: a supplier never ships for nothing.</summary>
    public const decimal MinUnitCost = 0.0001m;

    private PurchaseOrderLine() { }

    internal PurchaseOrderLine(int lineNumber, int productId, int quantity, DateOnly expectedDate, decimal unitCost)
    {
        LineNumber = lineNumber;
        ProductId = productId;
        Ordered = Guard.Quantity(quantity, "Quantity");
        ExpectedDate = expectedDate;
        UnitCost = UnitCostError(unitCost) is { } error ? throw new DomainException(error) : Math.Round(unitCost, UnitCostDecimals);
    }

    public int PurchaseOrderId { get; private set; }
    public PurchaseOrder Order { get; private set; } = null!;
    public int LineNumber { get; private set; }
    public int ProductId { get; private set; }
    public int Ordered { get; private set; }
    public int Received { get; private set; }
    public int Cancelled { get; private set; }
    public DateOnly ExpectedDate { get; private set; }
    public decimal UnitCost { get; private set; }

    /// <summary>Still to arrive: this is the supply backorders wait for.</summary>
    public int Open => Ordered - Received - Cancelled;

    public bool IsOverdue(DateOnly today) => IsOverdue(ExpectedDate, Open, today);

    /// <summary>Late: units still to come on a date already past (docs/ship-dates.md#overdue-purchase-orders).</summary>
    public static bool IsOverdue(DateOnly expectedDate, int open, DateOnly today) => open > 0 && expectedDate < today;

    /// <summary>Why a unit cost cannot go on a line, or null: a supplier never ships for nothing.</summary>
    public static string? UnitCostError(decimal unitCost) => unitCost switch
    {
        <= 0 => $"Unit cost must be more than 0; got {unitCost.ToString("0.####", CultureInfo.InvariantCulture)}.",
        > MaxUnitCost => $"Unit cost must be at most {MaxUnitCost.ToString("N0", CultureInfo.InvariantCulture)}; got {unitCost.ToString("0.####", CultureInfo.InvariantCulture)}.",
        _ => null,
    };

    /// <summary>Why a new expected date cannot be given, or null: a supplier cannot deliver in the past.</summary>
    public static string? ExpectedDateError(DateOnly expectedDate, DateOnly today) =>
        expectedDate < today ? $"Expected date cannot be before today ({Show.Date(today)})." : null;

    internal void Receive(int quantity)
    {
        Guard.Quantity(quantity, "Received quantity");
        if (quantity > Open)
        {
            throw new DomainException(
                $"Cannot receive {quantity} units on line {LineNumber}: only {Open} of {Ordered} are still open. Raise a new purchase order for the extra units.");
        }

        Received += quantity;
    }

    internal void ChangeExpectedDate(DateOnly expectedDate, DateOnly today)
    {
        EnsureOpen("its expected date no longer matters");
        ExpectedDate = ExpectedDateError(expectedDate, today) is { } error ? throw new DomainException(error) : expectedDate;
    }

    internal void ChangeQuantity(int quantity)
    {
        Guard.Quantity(quantity, "Quantity");
        if (quantity < Received + Cancelled)
        {
            throw new DomainException(Cancelled == 0
                ? $"Line {LineNumber} has already received {Received}; the quantity cannot go below that."
                : $"Line {LineNumber} has already received {Received} and cancelled {Cancelled}; the quantity cannot go below {Received + Cancelled}.");
        }

        Ordered = quantity;
    }

    /// <summary>Cancels what is still to come; what arrived stays. Returns the units cancelled.</summary>
    internal int CancelOpen()
    {
        var open = Open;
        Cancelled += open;
        return open;
    }

    /// <summary>Cancels the rest of one line (a supplier that cannot deliver it): refused when nothing is left.</summary>
    internal int CancelRest()
    {
        EnsureOpen("there is nothing left to cancel");
        return CancelOpen();
    }

    private void EnsureOpen(string why)
    {
        if (Open == 0)
        {
            throw new DomainException($"Line {LineNumber} has nothing still to come; {why}.");
        }
    }
}
