using Portal.Domain.Common;

namespace Portal.Domain.Purchasing;

public class PurchaseOrderLine : Entity
{
    /// <summary>No part this business buys costs a million a unit; more is a typing error.</summary>
    public const decimal MaxUnitCost = 1_000_000m;

    /// <summary>Unit costs are kept to four decimal places.</summary>
    public const int UnitCostDecimals = 4;

    private PurchaseOrderLine() { }

    internal PurchaseOrderLine(int lineNumber, int productId, int quantity, DateOnly expectedDate, decimal unitCost)
    {
        LineNumber = lineNumber;
        ProductId = productId;
        Ordered = Guard.Quantity(quantity, "Quantity");
        ExpectedDate = expectedDate;
        UnitCost = unitCost switch
        {
            < 0 => throw new DomainException("Unit cost cannot be negative."),
            > MaxUnitCost => throw new DomainException($"Unit cost of {unitCost:N2} is more than the {MaxUnitCost:N0} allowed."),
            _ => Math.Round(unitCost, UnitCostDecimals),
        };
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

    internal void ChangeExpectedDate(DateOnly expectedDate) => ExpectedDate = expectedDate;

    internal void ChangeQuantity(int quantity)
    {
        Guard.Quantity(quantity, "Quantity");
        if (quantity < Received + Cancelled)
        {
            throw new DomainException($"Line {LineNumber} has already received {Received}; the quantity cannot go below that.");
        }

        Ordered = quantity;
    }

    internal void CancelOpen() => Cancelled += Open;
}
