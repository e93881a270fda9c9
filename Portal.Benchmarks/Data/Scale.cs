namespace Portal.Benchmarks.Data;

/// <summary>How big a generated data set is. <see cref="Full"/> is the size; --quick is 1/20 of it.</summary>
public sealed record Scale(string Name, int Products, int OpenLines, int PoLines, bool HotProducts)
{
    public const int HotLines10k = 10_000;
    public const int HotLines1k = 1_000;

    public static readonly Scale Full = new("full", 50_000, 1_000_000, 200_000, HotProducts: true);

    public static readonly Scale Quick = Full.Divide(20, "quick");

    /// <summary>A smaller data set of the same shape: the round-trip check runs at both sizes.</summary>
    public Scale Divide(int by, string? name = null) =>
        new(name ?? $"{Name}/{by}", Math.Max(50, Products / by), Math.Max(1_000, OpenLines / by), Math.Max(200, PoLines / by),
            HotProducts: OpenLines / by >= 4 * (HotLines10k + HotLines1k));

    public override string ToString() => $"{Name}: {Products:N0} products, {OpenLines:N0} open order lines, {PoLines:N0} open PO lines";
}
