using System.Globalization;

namespace Portal.Benchmarks.LoadTest
{
    /// <summary>
    /// Reads the portal's managed heap from inside its process without changing the portal: this assembly is loaded
    /// into it as a .NET startup hook (DOTNET_STARTUP_HOOKS), whose thread waits for a request file in a folder, runs a
    /// full blocking compacting collection and writes the heap size back. Only BCL types are used on that side.
    /// </summary>
    public static class GcProbe
    {
        public const string FolderVariable = "PORTAL_BENCH_GC_PROBE";

        internal static void Serve(string folder)
        {
            var thread = new Thread(() =>
            {
                var request = Path.Combine(folder, "request");
                while (true)
                {
                    Thread.Sleep(100);
                    if (!File.Exists(request)) continue;
                    var id = File.ReadAllText(request).Trim();
                    File.Delete(request);
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                    GC.WaitForPendingFinalizers();
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                    var answer = Path.Combine(folder, $"answer-{id}");
                    File.WriteAllText(answer + ".tmp", GC.GetTotalMemory(false).ToString(CultureInfo.InvariantCulture));
                    File.Move(answer + ".tmp", answer);
                }
            }) { IsBackground = true, Name = "benchmark GC probe" };
            thread.Start();
        }

        /// <summary>The benchmark's side: asks and waits for the answer.</summary>
        public sealed class Client(string folder)
        {
            private int next;

            public async Task<double> HeapAfterFullCollectionMbAsync()
            {
                var id = Interlocked.Increment(ref next).ToString(CultureInfo.InvariantCulture);
                var answer = Path.Combine(folder, $"answer-{id}");
                await File.WriteAllTextAsync(Path.Combine(folder, "request.tmp"), id);
                File.Move(Path.Combine(folder, "request.tmp"), Path.Combine(folder, "request"));
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (!File.Exists(answer))
                {
                    if (DateTime.UtcNow > deadline) throw new TimeoutException("The portal's GC probe did not answer (is the startup hook loaded?).");
                    await Task.Delay(50);
                }

                return long.Parse(await File.ReadAllTextAsync(answer), CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
            }
        }
    }
}

/// <summary>The startup hook's entry point: the runtime looks for this exact name, outside any namespace.</summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(Portal.Benchmarks.LoadTest.GcProbe.FolderVariable) is { Length: > 0 } folder)
            Portal.Benchmarks.LoadTest.GcProbe.Serve(folder);
    }
}
