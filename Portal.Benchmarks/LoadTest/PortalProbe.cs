using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace Portal.Benchmarks.LoadTest
{
    /// <summary>
    /// Reads the portal from inside its process without changing the portal: this assembly is loaded into it as a .NET
    /// startup hook (DOTNET_STARTUP_HOOKS), whose thread waits for a request file in a folder and writes the answer back.
    /// It answers with the managed heap after a full blocking compacting collection, and with the durations Blazor's
    /// own metrics recorded (meter Microsoft.AspNetCore.Components: handling a browser event, updating a component's
    /// parameters, a render batch) between a "start" and a "metrics" request: the server's share of each interaction,
    /// whatever the browsers on the same cores add. Only BCL types are used on that side.
    /// </summary>
    public static class PortalProbe
    {
        public const string FolderVariable = "PORTAL_BENCH_GC_PROBE";

        private static readonly ConcurrentQueue<(string Instrument, double Ms)> Durations = new();
        private static volatile bool recording;

        internal static void Serve(string folder)
        {
            Listen();
            var thread = new Thread(() =>
            {
                var request = Path.Combine(folder, "request");
                while (true)
                {
                    Thread.Sleep(100);
                    if (!File.Exists(request)) continue;
                    var (kind, id) = File.ReadAllText(request).Trim().Split(':') is [var k, var i] ? (k, i) : ("gc", "0");
                    File.Delete(request);
                    var answer = Path.Combine(folder, $"answer-{id}");
                    File.WriteAllText(answer + ".tmp", kind switch
                    {
                        "start" => Start(),
                        "metrics" => Stop(),
                        _ => HeapAfterFullCollection().ToString(CultureInfo.InvariantCulture),
                    });
                    File.Move(answer + ".tmp", answer);
                }
            }) { IsBackground = true, Name = "benchmark probe" };
            thread.Start();
        }

        private static long HeapAfterFullCollection()
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            return GC.GetTotalMemory(false);
        }

        private static void Listen()
        {
            var listener = new MeterListener
            {
                InstrumentPublished = (instrument, l) =>
                {
                    if (instrument.Meter.Name.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal)) l.EnableMeasurementEvents(instrument);
                },
            };
            listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
            {
                if (recording && instrument.Unit == "s") Durations.Enqueue((instrument.Name, value * 1000));
            });
            listener.Start();
        }

        private static string Start()
        {
            Durations.Clear();
            recording = true;
            return "";
        }

        // One line per duration: instrument, tab, milliseconds.
        private static string Stop()
        {
            recording = false;
            return string.Join('\n', Durations.Select(d => $"{d.Instrument}\t{d.Ms.ToString(CultureInfo.InvariantCulture)}"));
        }

        /// <summary>The benchmark's side: asks and waits for the answer.</summary>
        public sealed class Client(string folder)
        {
            private int next;

            public async Task<double> HeapAfterFullCollectionMbAsync() =>
                long.Parse(await AskAsync("gc"), CultureInfo.InvariantCulture) / 1024.0 / 1024.0;

            /// <summary>From now on the probe keeps every duration Blazor's metrics record.</summary>
            public Task StartRecordingAsync() => AskAsync("start");

            /// <summary>The durations recorded since <see cref="StartRecordingAsync"/>, per instrument, in milliseconds.</summary>
            public async Task<IReadOnlyDictionary<string, List<double>>> StopRecordingAsync() =>
                (await AskAsync("metrics")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Select(line => line.Split('\t'))
                    .GroupBy(f => f[0], f => double.Parse(f[1], CultureInfo.InvariantCulture))
                    .ToDictionary(g => g.Key, g => g.ToList());

            private async Task<string> AskAsync(string kind)
            {
                var id = Interlocked.Increment(ref next).ToString(CultureInfo.InvariantCulture);
                var answer = Path.Combine(folder, $"answer-{id}");
                await File.WriteAllTextAsync(Path.Combine(folder, "request.tmp"), $"{kind}:{id}");
                File.Move(Path.Combine(folder, "request.tmp"), Path.Combine(folder, "request"));
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (!File.Exists(answer))
                {
                    if (DateTime.UtcNow > deadline) throw new TimeoutException("The portal's probe did not answer (is the startup hook loaded?).");
                    await Task.Delay(50);
                }

                return await File.ReadAllTextAsync(answer);
            }
        }
    }
}

/// <summary>The startup hook's entry point: the runtime looks for this exact name, outside any namespace.</summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(Portal.Benchmarks.LoadTest.PortalProbe.FolderVariable) is { Length: > 0 } folder)
            Portal.Benchmarks.LoadTest.PortalProbe.Serve(folder);
    }
}
