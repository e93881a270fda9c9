using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Portal.Tests.Browser;

/// <summary>
/// The real portal, started as its own process on a free loopback port with a fresh embedded database, exactly as
/// a user runs it. Shared by the browser tests of the whole run (demo data takes a few seconds to seed).
/// </summary>
public sealed class PortalServer : IAsyncLifetime
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("portal-browser-").FullName;
    private readonly StringWriter output = new();
    private readonly IReadOnlyDictionary<string, string> environment;
    private Process? process;

    /// <summary>The embedded default with demo data: what the browser tests share.</summary>
    public PortalServer()
        : this(new Dictionary<string, string>())
    {
    }

    private PortalServer(IReadOnlyDictionary<string, string> environment) => this.environment = environment;

    /// <summary>A portal configured by environment variables (e.g. PostgreSQL, a short sweep); start it with <see cref="StartAsync"/>.</summary>
    public static PortalServer With(IReadOnlyDictionary<string, string> environment) => new(environment);

    public string BaseUrl { get; private set; } = "";
    public string Output => output.ToString();
    public string DataFolder => dataFolder;

    public ValueTask InitializeAsync() => new(StartAsync());

    /// <summary>Starts the portal (again, after <see cref="KillAsync"/>: same data folder, new port).</summary>
    public async Task StartAsync()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var appFolder = Path.Combine(RepositoryRoot(), "Portal", "bin", BuildConfiguration(), "net10.0");
        var start = new ProcessStartInfo("dotnet", Path.Combine(appFolder, "Portal.dll"))
        {
            WorkingDirectory = appFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // Development serves the packages' static files (MudBlazor's) from the package folder, as `dotnet run` does.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = BaseUrl;
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__DataFolder"] = dataFolder;
        start.Environment["Logging__Console__FormatterName"] = "simple";
        // Every browser test signs in from this one address, far more often than a person would.
        start.Environment["SignIn__RateLimit__PermitLimit"] = "100000";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the portal.");
        process.OutputDataReceived += (_, e) => { lock (output) { output.WriteLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilReadyAsync();
    }

    /// <summary>Kills the process outright, as a crash or a pulled plug would: no shutdown, no flushing.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    /// <summary>
    /// Asks the portal to stop, as a service manager or a container runtime does (SIGTERM), and waits for it to exit;
    /// returns how long that took. Fails when it has not exited within <paramref name="timeout"/>.
    /// </summary>
    public async Task<TimeSpan> StopAsync(TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        if (process is { HasExited: false })
        {
            if (Kill(process.Id, Sigterm) != 0)
            {
                throw new InvalidOperationException($"SIGTERM to {process.Id} failed ({Marshal.GetLastPInvokeError()}).");
            }

            using var deadline = new CancellationTokenSource(timeout);
            await process.WaitForExitAsync(deadline.Token);
            ExitCode = process.ExitCode;
        }

        process?.Dispose();
        process = null;
        return stopwatch.Elapsed;
    }

    /// <summary>The exit code of the last <see cref="StopAsync"/>.</summary>
    public int? ExitCode { get; private set; }

    private const int Sigterm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying process is not worth failing a test run for.
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with code {process.ExitCode}:\n{Output}");
            }

            try
            {
                var response = await http.GetAsync($"{BaseUrl}/health/live");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The portal did not answer within 90 s:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string BuildConfiguration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Portal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Portal.sln not found above the test folder.");
    }
}
