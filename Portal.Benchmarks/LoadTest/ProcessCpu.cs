namespace Portal.Benchmarks.LoadTest;

/// <summary>
/// CPU time used (user + system), from /proc: by one process, and by every process of a name (Chromium's, PostgreSQL's),
/// to say who kept the cores busy while the sessions worked.
/// </summary>
public static class ProcessCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan Snapshot(int processId) => Ticks($"/proc/{processId}/stat") is { } ticks ? Seconds(ticks.Used) : TimeSpan.Zero;

    /// <summary>CPU time of every live process per command name (chromium, postgres, dotnet …).</summary>
    public static Dictionary<string, TimeSpan> ByName()
    {
        var byName = new Dictionary<string, TimeSpan>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out _) || Ticks(Path.Combine(folder, "stat")) is not { } ticks) continue;
            byName[ticks.Name] = byName.GetValueOrDefault(ticks.Name) + Seconds(ticks.Used);
        }

        return byName;
    }

    private static TimeSpan Seconds(long ticks) => TimeSpan.FromSeconds(ticks / TicksPerSecond);

    private static (string Name, long Used)? Ticks(string statFile)
    {
        try
        {
            var stat = File.ReadAllText(statFile);
            var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (name, long.Parse(fields[11]) + long.Parse(fields[12]));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // the process ended while it was read
        }
    }
}
