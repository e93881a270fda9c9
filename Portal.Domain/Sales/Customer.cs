using Portal.Domain.Common;

namespace Portal.Domain.Sales;

public class Customer : Entity
{
    public const int HighestTier = 1;
    public const int LowestTier = 5;

    /// <summary>The longest name and email address a customer keeps.</summary>
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 254;
    public const int MaxShippingAddressLength = 500;

    private Customer() { }

    public Customer(string code, string name, string? email, int priorityTier, string? salesRep, bool shipCompleteDefault = false)
    {
        Code = Guard.Required(code, "Customer number", 20).ToUpperInvariant();
        Rename(name);
        SetEmail(email);
        SetPriorityTier(priorityTier);
        SalesRep = salesRep;
        ShipCompleteDefault = shipCompleteDefault;
        IsActive = true;
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>Where backorder notices go; a customer without one is flagged to sales instead of skipped.</summary>
    public string? Email { get; private set; }

    /// <summary>1 is served first when stock is short.</summary>
    public int PriorityTier { get; private set; } = 3;
    public bool ShipCompleteDefault { get; private set; }
    public bool NotificationsOptOut { get; private set; }
    public bool IsActive { get; private set; }

    /// <summary>The user name of the sales rep who looks after this customer.</summary>
    public string? SalesRep { get; private set; }

    /// <summary>Where the goods go, as lines of text (printed on the pick ticket); null when not on file.</summary>
    public string? ShippingAddress { get; private set; }

    public void Rename(string name) => Name = Guard.Required(name, "Customer name", MaxNameLength);

    public void SetEmail(string? email)
    {
        email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (email is not null && (email.Length > MaxEmailLength || !email.Contains('@')))
        {
            throw new DomainException($"'{email}' is not an email address.");
        }

        Email = email;
    }

    public void SetPriorityTier(int tier)
    {
        if (tier is < HighestTier or > LowestTier)
        {
            throw new DomainException($"Priority tier must be between {HighestTier} (highest) and {LowestTier}.");
        }

        PriorityTier = tier;
    }

    public void SetShipCompleteDefault(bool value) => ShipCompleteDefault = value;
    public void SetNotificationsOptOut(bool optOut) => NotificationsOptOut = optOut;
    public void AssignRep(string? salesRep) => SalesRep = salesRep;

    public void SetShippingAddress(string? address)
    {
        var text = string.IsNullOrWhiteSpace(address) ? null : address.Trim().ReplaceLineEndings("\n");
        if (text is { Length: > MaxShippingAddressLength })
        {
            throw new DomainException($"Shipping address can be at most {MaxShippingAddressLength} characters; got {text.Length}.");
        }

        ShippingAddress = text;
    }
    public void Deactivate() => IsActive = false;
    public void Activate() => IsActive = true;
}
