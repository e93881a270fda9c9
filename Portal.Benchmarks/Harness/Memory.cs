namespace Portal.Benchmarks.Harness;

/// <summary>Peak resident memory. On Linux the peak can be reset (clear_refs 5), so one phase's peak can be read apart.</summary>
public static class Memory
{
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText($"/proc/{Environment.ProcessId}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static double PeakWorkingSetMb()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / 1024.0 / 1024.0;
    }

    public static double WorkingSetMb()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64 / 1024.0 / 1024.0;
    }

    public static double ManagedHeapMb(bool collect = true) => GC.GetTotalMemory(collect) / 1024.0 / 1024.0;

    public static void Collect()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
