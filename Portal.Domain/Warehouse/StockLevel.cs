using Portal.Domain.Common;

namespace Portal.Domain.Warehouse;

/// <summary>
/// Stock of one product in one warehouse. Allocated is what waiting lines have reserved; every change goes
/// through a method that keeps <c>0 ≤ Allocated ≤ OnHand</c>.
/// </summary>
public class StockLevel : Entity
{
    private StockLevel() { }

    public StockLevel(int productId, int warehouseId, int onHand = 0)
    {
        ProductId = productId;
        WarehouseId = warehouseId;
        OnHand = Guard.Quantity(onHand, "On hand", allowZero: true);
    }

    public int ProductId { get; private set; }
    public int WarehouseId { get; private set; }
    public int OnHand { get; private set; }
    public int Allocated { get; private set; }
    public int Available => OnHand - Allocated;

    public void Receive(int quantity) => OnHand += Guard.Quantity(quantity, "Received quantity");

    /// <summary>
    /// A count correction. Units reserved for customers must be released first (StockAdjustmentService does, from the
    /// lines last in line), so on hand never falls below what is allocated.
    /// </summary>
    public void Adjust(int delta)
    {
        if (delta == 0)
        {
            throw new DomainException("An adjustment must change the quantity.");
        }

        Guard.Quantity(Math.Abs(delta), "Adjustment");
        if (OnHand + delta < 0)
        {
            throw new DomainException($"Cannot remove {-delta} units: only {OnHand} are on hand.");
        }

        if (OnHand + delta < Allocated)
        {
            throw new DomainException(
                $"Cannot remove {-delta} units: only {Available} are not reserved for customers ({OnHand} on hand, {Allocated} allocated).");
        }

        OnHand += delta;
    }

    public void SetAllocated(int allocated)
    {
        if (allocated < 0 || allocated > OnHand)
        {
            throw new DomainException($"Cannot allocate {allocated} units with {OnHand} on hand.");
        }

        Allocated = allocated;
    }

    /// <summary>Shipping moves units out of the building together with their reservation.</summary>
    public void Ship(int quantity)
    {
        Guard.Quantity(quantity, "Shipped quantity");
        if (quantity > Allocated)
        {
            throw new DomainException($"Cannot ship {quantity} units: only {Allocated} are allocated.");
        }

        OnHand -= quantity;
        Allocated -= quantity;
    }
}
