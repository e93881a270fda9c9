using System.Globalization;

namespace Portal.Benchmarks.Harness;

/// <summary>Repeated measurements of one figure, summarised with their spread (the machine is shared and noisy).</summary>
public sealed class Samples(string unit = "ms")
{
    private readonly List<double> values = [];

    public int Count => values.Count;

    public IReadOnlyList<double> Values => values;

    public void Add(double value) => values.Add(value);

    public void Add(TimeSpan elapsed) => values.Add(elapsed.TotalMilliseconds);

    public double Min => values.Min();
    public double Max => values.Max();
    public double Median => Percentile(50);
    public double Mean => values.Average();

    /// <summary>Nearest-rank percentile.</summary>
    public double Percentile(double p)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public string Summary() =>
        Count == 0 ? "no samples" : Count == 1 ? Format(values[0]) :
        $"median {Format(Median)} (min {Format(Min)}, max {Format(Max)}, n={Count})";

    public string SummaryWithP95() =>
        $"p50 {Format(Median)}, p95 {Format(Percentile(95))}, min {Format(Min)}, max {Format(Max)}, n={Count}";

    public string All() => string.Join(", ", values.Select(Format));

    private string Format(double v) => unit switch
    {
        "ms" => v >= 10_000 ? (v / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " s" : v.ToString(v >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture) + " ms",
        "MB" => v.ToString("0", CultureInfo.InvariantCulture) + " MB",
        _ => v.ToString("0.###", CultureInfo.InvariantCulture) + " " + unit,
    };
}
