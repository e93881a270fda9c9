using System.Diagnostics;

namespace Portal.Benchmarks.Data;

/// <summary>Generates each data set once per process: `all` reuses it across the engine and both databases.</summary>
public static class SharedData
{
    private static readonly Dictionary<(Scale, string), DataSet> Cache = [];

    public static DataSet Get(Scale scale, string state)
    {
        if (Cache.TryGetValue((scale, state), out var data)) return data;
        var stopwatch = Stopwatch.StartNew();
        data = Generator.Generate(scale, state);
        Console.WriteLine($"   generated (seed {Generator.Seed}) in {stopwatch.ElapsedMilliseconds:N0} ms: {data}");
        return Cache[(scale, state)] = data;
    }
}
