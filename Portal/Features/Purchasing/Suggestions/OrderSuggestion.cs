namespace Portal.Features.Purchasing.Suggestions;

/// <summary>How much to order for a shortfall: what nothing covers yet, rounded up to whole packs.</summary>
public static class OrderSuggestion
{
    public static int Quantity(int uncovered, int packSize)
    {
        if (uncovered <= 0)
        {
            return 0;
        }

        var pack = Math.Max(1, packSize);
        return (uncovered + pack - 1) / pack * pack;
    }
}
