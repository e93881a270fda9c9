namespace Portal.Benchmarks.Harness;

/// <summary>The machine's load average (1, 5, 15 minutes), printed beside figures taken on a shared machine.</summary>
public static class Load
{
    public static string Average
    {
        get
        {
            try
            {
                var parts = File.ReadAllText("/proc/loadavg").Split(' ');
                return $"{parts[0]} {parts[1]} {parts[2]}";
            }
            catch (IOException)
            {
                return "n/a";
            }
        }
    }
}
