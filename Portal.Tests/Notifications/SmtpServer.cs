using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Notifications;

/// <summary>
/// A real SMTP server for a test: Debian's python3-aiosmtpd on a loopback port, storing what it accepts in a
/// Maildir the test reads. It answers a message like Postfix ("250 2.0.0 Ok: queued as &lt;its Maildir key&gt;") and can
/// refuse one recipient with a 550. Missing python3-aiosmtpd skips the test, or fails it under PORTAL_TEST_STRICT=1.
/// PORTAL_TEST_PYTHON names the Python to use instead of /usr/bin/python3 or python3 on PATH.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    /// <summary>The Python to run aiosmtpd with, when not the system one.</summary>
    public const string PythonVariable = "PORTAL_TEST_PYTHON";

    // Debian's package installs for the system Python; a python3 earlier on PATH (pyenv, venv) may not have it.
    private static readonly string[] PythonCandidates =
        Environment.GetEnvironmentVariable(PythonVariable) is { Length: > 0 } configured ? [configured] : ["/usr/bin/python3", "python3"];
    private static readonly Lazy<Task<(string? Python, string Reason)>> Python = new(FindPythonAsync);

    // aiosmtpd's Mailbox handler with a reply that names the stored message, and a recipient it refuses.
    private const string Handler = """
        import os
        from aiosmtpd.handlers import Mailbox

        class Handler(Mailbox):
            refused = os.environ.get("PORTAL_SMTP_REFUSE", "")

            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address == self.refused:
                    return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
                envelope.rcpt_tos.append(address)
                return "250 2.1.5 Ok"

            def handle_message(self, message):
                self.key = self.mailbox.add(message)

            async def handle_DATA(self, server, session, envelope):
                await super().handle_DATA(server, session, envelope)
                return f"250 2.0.0 Ok: queued as {self.key}"
        """;

    private readonly Process process;
    private readonly string folder;
    private readonly StringWriter output = new();

    private SmtpServer(Process process, string folder, int port)
    {
        this.process = process;
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }

    private string Maildir => Path.Combine(folder, "maildir");

    /// <summary>
    /// Starts a server on <paramref name="port"/>, or on a free port when none is given; it refuses mail to
    /// <paramref name="refuse"/> with "550 5.1.1 &lt;address&gt;: Recipient address rejected: User unknown".
    /// </summary>
    public static async Task<SmtpServer> StartAsync(int? port = null, string? refuse = null)
    {
        var (python, reason) = await Python.Value;
        if (python is null)
        {
            throw TestEnvironment.Unavailable("python3-aiosmtpd", reason);
        }

        var chosen = port ?? FreePort();
        var folder = Directory.CreateTempSubdirectory("portal-smtp-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "portal_smtp.py"), Handler);
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["PYTHONPATH"] = folder, ["PORTAL_SMTP_REFUSE"] = refuse ?? "" },
        };
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{chosen}", "-c", "portal_smtp.Handler", Path.Combine(folder, "maildir") })
        {
            start.ArgumentList.Add(argument);
        }

        var server = new SmtpServer(Process.Start(start) ?? throw new InvalidOperationException("Could not start aiosmtpd."), folder, chosen);
        server.process.OutputDataReceived += (_, e) => server.Log(e.Data);
        server.process.ErrorDataReceived += (_, e) => server.Log(e.Data);
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        await server.WaitUntilListeningAsync();
        return server;
    }

    /// <summary>A loopback port nothing listens on (an SMTP server that is down).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Every message the server accepted so far, in the order it accepted them.</summary>
    public IReadOnlyList<ReceivedEmail> Messages() => Delivered().Select(f => ReceivedEmail.Parse(File.ReadAllText(f))).ToList();

    /// <summary>The Maildir key of every message accepted so far, as named in the server's "queued as" reply.</summary>
    public IReadOnlyList<string> QueueIds() => Delivered().Select(f => Path.GetFileName(f)).ToList();

    public int Count => Delivered().Count;

    /// <summary>Returns once the server has accepted <paramref name="count"/> messages (it checks every few milliseconds).</summary>
    public async Task WaitForAsync(int count, CancellationToken cancellationToken)
    {
        while (Count < count)
        {
            await Task.Delay(5, cancellationToken);
        }
    }

    // Python's Maildir moves a message into new/ whole, once written.
    private List<string> Delivered()
    {
        var delivered = Path.Combine(Maildir, "new");
        return Directory.Exists(delivered) ? Directory.GetFiles(delivered).OrderBy(DeliveryNumber).ToList() : [];
    }

    // Python's Maildir names a message "<seconds>.M<microseconds>P<pid>Q<n>.<host>", n counting up in the one process.
    private static int DeliveryNumber(string path) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(Path.GetFileName(path), @"Q(\d+)").Groups[1].Value);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private void Log(string? line)
    {
        lock (output)
        {
            output.WriteLine(line);
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd exited with {process.ExitCode}:\n{Output()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"aiosmtpd did not listen on port {Port} within 20 s:\n{Output()}");
    }

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static async Task<(string?, string)> FindPythonAsync()
    {
        var reasons = new List<string>();
        foreach (var candidate in PythonCandidates)
        {
            try
            {
                var result = await ProcessRunner.RunAsync(candidate, ["-c", "import aiosmtpd"], TimeSpan.FromSeconds(20));
                if (result.Succeeded)
                {
                    return (candidate, "");
                }

                reasons.Add($"{candidate}: {result.Output.Trim().Split('\n').LastOrDefault()}");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                reasons.Add($"{candidate}: {e.Message}");
            }
        }

        return (null, $"no Python with aiosmtpd ({string.Join("; ", reasons)}); apt-get install python3-aiosmtpd");
    }
}
