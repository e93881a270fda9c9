using Portal.Domain.Sales;

namespace Portal.Features.Sales.Customers;

/// <summary>
/// Applies an edited form through the customer's own methods (which refuse what is not allowed) and lists what
/// changed, in words for the audit log.
/// </summary>
internal static class CustomerChanges
{
    public static List<string> Apply(Customer c, CustomerForm f)
    {
        var changes = new List<string>();
        void Note(string what, object? before, object? after)
        {
            if (!Equals(before, after))
            {
                changes.Add($"{what}: {before ?? "none"} → {after ?? "none"}");
            }
        }

        var (name, email, tier, shipComplete, optOut, rep, address, active) =
            (c.Name, c.Email, c.PriorityTier, c.ShipCompleteDefault, c.NotificationsOptOut, c.SalesRep, c.ShippingAddress, c.IsActive);
        c.Rename(f.Name);
        c.SetEmail(f.Email);
        c.SetPriorityTier(f.PriorityTier);
        c.SetShipCompleteDefault(f.ShipCompleteDefault);
        c.SetNotificationsOptOut(f.NotificationsOptOut);
        c.AssignRep(string.IsNullOrWhiteSpace(f.SalesRep) ? null : f.SalesRep.Trim());
        c.SetShippingAddress(f.ShippingAddress);
        if (f.IsActive)
        {
            c.Activate();
        }
        else
        {
            c.Deactivate();
        }

        Note("Name", name, c.Name);
        Note("Email", email, c.Email);
        Note("Priority tier", tier, c.PriorityTier);
        Note("Ship complete by default", shipComplete, c.ShipCompleteDefault);
        Note("Notifications opt-out", optOut, c.NotificationsOptOut);
        Note("Sales rep", rep, c.SalesRep);
        Note("Shipping address", address?.Replace('\n', ','), c.ShippingAddress?.Replace('\n', ','));
        Note("Active", active, c.IsActive);
        return changes;
    }
}
