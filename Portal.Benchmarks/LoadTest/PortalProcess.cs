using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Portal.Data;

namespace Portal.Benchmarks.LoadTest;

/// <summary>
/// One real portal instance: the Portal project published in Release to the work folder and started with
/// <c>dotnet Portal.dll</c> in Production (as a server runs it: static assets from the publish output, no development
/// pages), on a free loopback port, over the benchmark's database. Its own process, so its memory is its own and not
/// mixed with the data set this program generated. <see cref="PortalProbe"/> is loaded into it as a startup hook to read
/// its managed heap after a full collection.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly PortalProbe.Client probe;
    private readonly StringWriter output = new();

    private PortalProcess(Process process, string baseUrl, PortalProbe.Client probe)
    {
        this.process = process;
        this.probe = probe;
        BaseUrl = baseUrl;
        process.OutputDataReceived += (_, e) => { lock (output) { output.WriteLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string BaseUrl { get; }

    public int ProcessId => process.Id;

    public string Output { get { lock (output) { return output.ToString(); } } }

    public static async Task<string> PublishAsync(string workFolder)
    {
        var target = Path.Combine(workFolder, "portal-app");
        var project = Path.Combine(RepositoryRoot(), "Portal", "Portal.csproj");
        var stopwatch = Stopwatch.StartNew();
        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", target, "--nologo", "-v", "q"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var publish = Process.Start(start)!;
        var log = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0) throw new InvalidOperationException($"dotnet publish failed:\n{await log}{await errors}");
        Console.WriteLine($"   portal published (Release) to {target} in {stopwatch.Elapsed.TotalSeconds:0} s");
        return target;
    }

    public static async Task<PortalProcess> StartAsync(string appFolder, DatabaseProvider provider, string connectionString, string workFolder)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var probeFolder = Directory.CreateDirectory(Path.Combine(workFolder, $"gc-probe-{Guid.NewGuid():N}")).FullName;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(appFolder, "Portal.dll")])
        {
            WorkingDirectory = appFolder, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = baseUrl,
            ["Security__RequireHttps"] = "false", // loopback, no certificate; TLS is a proxy's work in this measurement
            ["Database__Provider"] = provider.ToString(),
            ["ConnectionStrings__Portal"] = connectionString,
            ["Database__SeedDemoData"] = "false",
            ["SignIn__RateLimit__PermitLimit"] = "100000", // every session signs in from this one address
            ["Email__Mode"] = "Pickup",
            ["Email__PickupFolder"] = Path.Combine(workFolder, "mail"),
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__Console__FormatterName"] = "simple",
            ["DOTNET_STARTUP_HOOKS"] = typeof(PortalProbe).Assembly.Location,
            [PortalProbe.FolderVariable] = probeFolder,
        };
        foreach (var (name, value) in environment) start.Environment[name] = value;

        var portal = new PortalProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start the portal."), baseUrl, new PortalProbe.Client(probeFolder));
        await portal.WaitUntilReadyAsync();
        return portal;
    }

    /// <summary>Resident memory of the portal process (VmRSS), MB.</summary>
    public double WorkingSetMb()
    {
        process.Refresh();
        return process.WorkingSet64 / 1024.0 / 1024.0;
    }

    /// <summary>Managed heap after a full blocking compacting collection inside the portal, MB.</summary>
    public Task<double> HeapAfterFullCollectionMbAsync() => probe.HeapAfterFullCollectionMbAsync();

    /// <summary>The portal's own Blazor metrics from now on (see <see cref="PortalProbe"/>).</summary>
    public Task StartRecordingAsync() => probe.StartRecordingAsync();

    /// <summary>The durations the portal's Blazor metrics recorded since <see cref="StartRecordingAsync"/>, per instrument, ms.</summary>
    public Task<IReadOnlyDictionary<string, List<double>>> StopRecordingAsync() => probe.StopRecordingAsync();

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The portal exited with code {process.ExitCode}:\n{Output}");
            try
            {
                if ((await http.GetAsync($"{BaseUrl}/health/live")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The portal did not answer within 3 minutes:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Portal.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Portal.sln not found above the benchmark's folder.");
    }
}
