using System.Diagnostics;
using Microsoft.Playwright;
using Portal.Benchmarks.Data;
using Portal.Benchmarks.Database;
using Portal.Benchmarks.Harness;

namespace Portal.Benchmarks.LoadTest;

/// <summary>
/// A hundred people at once on one portal instance holding the data set. The portal runs as its own process
/// (<see cref="PortalProcess"/>); the people are pages of one headless Chromium, one browser context (cookie jar) each,
/// driven by Playwright (<see cref="LoadSession"/>). Prints p50/p95 per interaction kind, the errors, and the portal's
/// memory per circuit: managed heap after a full collection and resident memory, with no circuit, with every session
/// signed in, after the working period with every page still open, and after every page has left.
/// </summary>
public static class LoadBenchmark
{
    private const string ChromiumPath = "/usr/bin/chromium";

    public static async Task RunAsync(Options options, DatabaseHost host)
    {
        var data = SharedData.Get(options.Scale, options.State);
        var template = await host.CreateTemplateAsync(data);
        var work = await host.CloneAsync(template);
        var stopwatch = Stopwatch.StartNew();
        // Settled as the nightly run leaves it; customers already told (no notices queued), so the sender stays idle.
        await host.Service(work, new FixedClock(data.Now), new NullNoticeQueue()).RunAllAsync();
        Console.WriteLine($"   settled with a full run in {stopwatch.Elapsed.TotalSeconds:0} s");
        var accounts = LoadUsers.For(options.Sessions);
        await LoadUsers.CreateAsync(host.Provider, host.ConnectionString(work), accounts);
        await host.MaintainAsync(work);

        var app = await PortalProcess.PublishAsync(options.WorkFolder);
        await using var portal = await PortalProcess.StartAsync(app, host.Provider, host.ConnectionString(work), options.WorkFolder);
        Console.WriteLine($"   portal started at {portal.BaseUrl} (Production, {host.Provider})");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);

        var recorder = new Recorder();
        var shape = LoadData.From(data);
        await WarmUpAsync(browser, portal, accounts, recorder, shape);
        var memory = new List<(string Moment, int Circuits, double HeapMb, double RssMb)>();
        await MeasureMemoryAsync(portal, memory, "no circuit (after a warm-up session left)", 0);

        // Sessions sign in one after another (as a morning would), each opening its role's home page: one circuit each.
        stopwatch.Restart();
        var signedIn = new LoadSession?[accounts.Count];
        var signIns = new Samples();
        await Parallel.ForAsync(0, accounts.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (i, _) =>
        {
            var started = Stopwatch.StartNew();
            try
            {
                signedIn[i] = await LoadSession.SignInAsync(browser, portal.BaseUrl, accounts[i].Email, accounts[i].Role, recorder, seed: i + 1, shape);
                lock (signIns) signIns.Add(started.Elapsed);
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                Console.WriteLine($"   sign-in of {accounts[i].Email} failed after {started.Elapsed.TotalSeconds:0} s: {e.Message.Split('\n')[0]}");
            }
        });
        var sessions = signedIn.OfType<LoadSession>().ToArray();
        Console.WriteLine($"   {sessions.Length} of {accounts.Count} sessions signed in in {stopwatch.Elapsed.TotalSeconds:0} s (two at a time; sign-in form, post, " +
                          $"role's home page until interactive: {signIns.SummaryWithP95()}); load average {Load.Average}");
        await MeasureMemoryAsync(portal, memory, $"{sessions.Length} circuits, each on its home page", sessions.Length);

        // The check on the harness: the same journeys, one per role, each in a browser of its own (one page per
        // Chromium process, as a person has), working beside the crowd and timed the same way.
        var reference = new Recorder();
        var referenceBrowsers = new List<IBrowser>();
        var referenceSessions = new List<LoadSession>();
        foreach (var (email, role) in accounts.DistinctBy(a => a.Role))
        {
            var own = await LaunchAsync(playwright);
            referenceBrowsers.Add(own);
            referenceSessions.Add(await LoadSession.SignInAsync(own, portal.BaseUrl, email, role, reference, seed: 1000 + referenceSessions.Count, shape));
        }

        recorder.Recording = true;
        reference.Recording = true;
        var until = DateTime.UtcNow + options.LoadDuration;
        var loadBefore = Load.Average;
        var cpuBefore = ProcessCpu.Snapshot(portal.ProcessId);
        var cpuByNameBefore = ProcessCpu.ByName();
        await portal.StartRecordingAsync();
        stopwatch.Restart();
        var working = Task.WhenAll(sessions.Concat(referenceSessions).Select(s => Task.Run(() => s.WorkUntilAsync(until, CancellationToken.None))));
        // Every step has its own watchdog; this one only makes sure a report is printed whatever a browser does.
        if (await Task.WhenAny(working, Task.Delay(options.LoadDuration + 3 * LoadSession.StepWatchdog)) != working)
            Console.WriteLine("   the working period overran by more than three step watchdogs: reporting what was recorded");
        var elapsed = stopwatch.Elapsed;
        var cpuAfter = ProcessCpu.Snapshot(portal.ProcessId);
        var serverTimes = await portal.StopRecordingAsync();
        var cpuByName = ProcessCpu.ByName().Select(p => (p.Key, Cores: (p.Value - cpuByNameBefore.GetValueOrDefault(p.Key)).TotalSeconds / elapsed.TotalSeconds))
            .Where(p => p.Cores >= 0.01).OrderByDescending(p => p.Cores).ToList();
        recorder.Recording = false;
        reference.Recording = false;
        foreach (var session in referenceSessions) await session.LeaveAsync();
        foreach (var own in referenceBrowsers) await own.DisposeAsync();
        await MeasureMemoryAsync(portal, memory, $"{sessions.Length} circuits after {elapsed.TotalMinutes:0.0} minutes of work (pages still open)", sessions.Length);

        foreach (var session in sessions) await session.LeaveAsync();
        await Task.Delay(TimeSpan.FromSeconds(5));
        await MeasureMemoryAsync(portal, memory, "every page left (Blazor ends the circuit on pagehide)", 0);

        Report(options, recorder, reference, memory, elapsed, loadBefore, cpuAfter - cpuBefore, portal);
        ReportServer(serverTimes, cpuByName);
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = ChromiumPath, Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });

    /// <summary>One session per role walks its journey once, so the JIT, EF's query cache and the pools are warm.</summary>
    private static async Task WarmUpAsync(IBrowser browser, PortalProcess portal, IReadOnlyList<(string Email, string Role)> accounts, Recorder recorder, LoadData shape)
    {
        var stopwatch = Stopwatch.StartNew();
        foreach (var (email, role) in accounts.DistinctBy(a => a.Role))
        {
            var session = await LoadSession.SignInAsync(browser, portal.BaseUrl, email, role, recorder, seed: 0, shape);
            try
            {
                await session.WorkOnceAsync();
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                var file = Path.Combine(Path.GetTempPath(), $"portal-load-warmup-{role}");
                await File.WriteAllTextAsync(file + ".html", await session.Page.ContentAsync());
                await session.Page.ScreenshotAsync(new() { Path = file + ".png", FullPage = true });
                Console.WriteLine($"   warm-up: the {role} journey failed on {session.Page.Url} (page saved as {file}.html/.png): {e.Message.Split('\n')[0]}");
            }

            await session.LeaveAsync();
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        Console.WriteLine($"   warmed up: one journey per role in {stopwatch.Elapsed.TotalSeconds:0} s");
    }

    private static async Task MeasureMemoryAsync(PortalProcess portal, List<(string, int, double, double)> memory, string moment, int circuits)
    {
        var heap = await portal.HeapAfterFullCollectionMbAsync();
        memory.Add((moment, circuits, heap, portal.WorkingSetMb()));
    }

    private static void Report(Options options, Recorder recorder, Recorder reference, List<(string Moment, int Circuits, double HeapMb, double RssMb)> memory,
        TimeSpan elapsed, string loadBefore, TimeSpan portalCpu, PortalProcess portal)
    {
        Console.WriteLine();
        Console.WriteLine($"   {memory[1].Circuits} sessions for {elapsed.TotalMinutes:0.0} minutes, think time {LoadSession.ThinkSeconds.Min}-{LoadSession.ThinkSeconds.Max} s; " +
                          $"{recorder.Interactions:N0} interactions ({recorder.Interactions / elapsed.TotalSeconds:0.0}/s); load average {loadBefore} -> {Load.Average}; " +
                          $"portal CPU {portalCpu.TotalSeconds / elapsed.TotalSeconds:0.00} cores of {Environment.ProcessorCount}");
        Console.WriteLine("   interaction latency, input event in the page -> DOM showing the answer (goal: p95 < 100 ms):");
        Console.WriteLine("   (reference: the same journeys, one per role, each page in a Chromium of its own, at the same time)");
        Console.WriteLine($"   {"kind",-32} {"n",6} {"p50",9} {"p95",9} {"max",9}  {"goal",-7}  {"reference n",11} {"p50",9} {"p95",9}");
        var referenceByKind = reference.ByKind().ToDictionary(k => k.Kind, k => k.Samples);
        foreach (var (kind, samples) in recorder.ByKind().Append(("all interactions", recorder.All())))
        {
            if (samples.Count == 0) continue;
            var other = kind == "all interactions" ? reference.All() : referenceByKind.GetValueOrDefault(kind);
            var compared = other is { Count: > 0 } ? $"{other.Count,11} {Ms(other.Median),9} {Ms(other.Percentile(95)),9}" : $"{"-",11}";
            Console.WriteLine($"   {kind,-32} {samples.Count,6} {Ms(samples.Median),9} {Ms(samples.Percentile(95)),9} {Ms(samples.Max),9}  {(samples.Percentile(95) < 100 ? "met" : "NOT met"),-7}  {compared}");
        }

        if (reference.ErrorCount > 0) Console.WriteLine($"   reference sessions' errors: {string.Join(", ", reference.Errors.Select(e => $"{e.Key} {e.Value}"))}");

        Console.WriteLine($"   errors: {recorder.ErrorCount} (goal: none){(recorder.ErrorCount == 0 ? "" : ": " + string.Join(", ", recorder.Errors.Select(e => $"{e.Key} {e.Value}")))}");
        foreach (var example in recorder.ErrorExamples.Take(10)) Console.WriteLine($"     e.g. {example}");
        var serverErrors = portal.Output.Split('\n').Where(l => l.StartsWith("fail:") || l.StartsWith("crit:")).ToList();
        Console.WriteLine($"   portal log: {serverErrors.Count} fail/crit entries");
        foreach (var line in portal.Output.Split('\n').Where(l => l.StartsWith("fail:") || l.StartsWith("crit:")).Take(5)) Console.WriteLine($"     {line.Trim()}");
        foreach (var (refusal, count) in recorder.Refusals) Console.WriteLine($"   refused by the portal (not an error) {count}×: {refusal}");

        Console.WriteLine("   portal memory (managed heap after a full blocking collection; resident set):");
        foreach (var (moment, circuits, heap, rss) in memory) Console.WriteLine($"     {moment,-72} heap {heap,7:0.0} MB  RSS {rss,7:0} MB");
        var none = memory[0];
        var signedIn = memory[1];
        var worked = memory[2];
        var left = memory[3];
        var n = memory[1].Circuits;
        Console.WriteLine($"   per circuit, on its home page:  heap {(signedIn.HeapMb - none.HeapMb) * 1024 / n:0} KB, RSS {(signedIn.RssMb - none.RssMb) * 1024 / n:0} KB");
        Console.WriteLine($"   per circuit, after working:     heap {(worked.HeapMb - none.HeapMb) * 1024 / n:0} KB (vs no circuit), " +
                          $"{(worked.HeapMb - left.HeapMb) * 1024 / n:0} KB (freed when the pages left); RSS {(worked.RssMb - none.RssMb) * 1024 / n:0} KB " +
                          $"(goal: < 1 MB: {((worked.HeapMb - left.HeapMb) / n < 1 ? "met" : "NOT met")})");
    }

    // The portal's own account of the same period, and who used the cores: what the server adds to an interaction,
    // apart from the time a browser on the same two cores waits for a core to read the answer.
    private static void ReportServer(IReadOnlyDictionary<string, List<double>> serverTimes, List<(string Name, double Cores)> cpuByName)
    {
        Console.WriteLine("   the portal's own Blazor metrics over the working period (server time, without the network and the browser):");
        Console.WriteLine($"   {"instrument",-48} {"n",7} {"p50",9} {"p95",9} {"max",9}");
        foreach (var (instrument, values) in serverTimes.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var samples = new Samples();
            foreach (var ms in values) samples.Add(ms);
            Console.WriteLine($"   {instrument,-48} {values.Count,7} {Ms(samples.Median),9} {Ms(samples.Percentile(95)),9} {Ms(samples.Max),9}");
        }

        Console.WriteLine($"   CPU over the working period, cores of {Environment.ProcessorCount}: " +
                          string.Join(", ", cpuByName.Take(6).Select(p => $"{p.Name} {p.Cores:0.00}")));
    }

    private static string Ms(double v) => v >= 1000 ? $"{v / 1000:0.00} s" : $"{v:0} ms";
}
