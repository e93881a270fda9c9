using Portal.Benchmarks.Data;
using Portal.Data;

namespace Portal.Benchmarks;

public sealed class Options
{
    public string Mode { get; private init; } = "";
    public IReadOnlyList<DatabaseProvider> Providers { get; private init; } = [];
    public bool Quick { get; private init; }
    public Scale Scale { get; private init; } = Scale.Full;
    public string State { get; private init; } = "nightly";
    public int? Repetitions { get; private init; }
    public bool SkipBenchmarkDotNet { get; private init; }
    public string? PostgresConnectionString { get; private init; }
    public bool Outbox { get; private init; } = true;
    public string? Only { get; private init; }
    public string WorkFolder { get; private init; } = Path.Combine(Path.GetTempPath(), "portal-bench");
    public int Sessions { get; private init; } = 100;
    public TimeSpan LoadDuration { get; private init; } = TimeSpan.FromMinutes(3);

    public const string Usage = """
        usage: dotnet run -c Release --project Portal.Benchmarks -- <mode> [database] [options]
          engine                          the pure engine over all products, in memory (Stopwatch harness + BenchmarkDotNet)
          database sqlite|postgres|both   full run through the database vs a bare read + bare write of the same rows;
                                          SQL round trips counted, and counted again on a data set 20 times smaller
          incremental sqlite|postgres|both  one product's run after a receipt, 1,000 and 10,000 waiting lines (p50/p95)
          all                             all of the above on both databases
          serve sqlite|postgres           load the data set, print where it is, keep it for 30 minutes (to poke at it)
          receipts sqlite|postgres|both   receipt committed -> waiting line allocated through the job server, 50 receipts (p50/p95)
          load sqlite|postgres|both       one portal process on the data set, N signed-in sessions in one headless Chromium doing
                                          a mix of list, order, order-entry and receiving work: p50/p95 per interaction, errors,
                                          server memory per circuit
          lists sqlite|postgres|both      every server-paged list, each sort, filter, deep and last page, through the pages'
                                          services (p50/p95/max of 20 calls; goal p95 < 50 ms)
        options:
          --quick            1/20 of the data (2,500 products, 50,000 open lines, 10,000 PO lines): seconds, for a smoke run
          --scale N          1/N of the data (default 1: 50,000 products, 1,000,000 open lines, 200,000 open PO lines)
          --reps N           repetitions per measurement
          --state nightly|fresh  nightly (default): as Friday's run left it, plus receipts and new orders since;
                                 fresh: nothing allocated or told yet, so the run writes every line
          --no-bdn           skip the BenchmarkDotNet pass of the engine
          --notices outbox|none  the run's notice queue: the real outbox (NoticeOutbox, default) or one that adds nothing
          --postgres CONN    use this server (the user may CREATE DATABASE) instead of starting a throwaway one;
                             also read from PORTAL_BENCH_POSTGRES
          --only A,B         lists: only the requests whose "list: request" contains A or B
          --work DIR         folder for SQLite files and the throwaway server (default /tmp/portal-bench)
          --sessions N       load: concurrent signed-in sessions (default 100)
          --minutes M        load: how long the sessions work, after all have signed in (default 3)
        """;

    public static Options Parse(string[] args)
    {
        var queue = new Queue<string>(args);
        string? mode = null;
        var providers = new List<DatabaseProvider>();
        bool quick = false, noBdn = false, outbox = true;
        int? reps = null, scaleBy = null;
        string state = "nightly";
        var postgres = Environment.GetEnvironmentVariable("PORTAL_BENCH_POSTGRES");
        string? work = null, only = null;
        int sessions = 100;
        double minutes = 3;
        while (queue.Count > 0)
        {
            var a = queue.Dequeue();
            switch (a)
            {
                case "--quick": quick = true; break;
                case "--no-bdn": noBdn = true; break;
                case "--notices": outbox = Next(queue, a) switch { "outbox" => true, "none" => false, var v => throw new ArgumentException($"--notices outbox|none, not '{v}'") }; break;
                case "--reps": reps = int.Parse(Next(queue, a)); break;
                case "--scale": scaleBy = int.Parse(Next(queue, a)); break;
                case "--state": state = Next(queue, a); break;
                case "--postgres": postgres = Next(queue, a); break;
                case "--work": work = Next(queue, a); break;
                case "--only": only = Next(queue, a); break;
                case "--sessions": sessions = int.Parse(Next(queue, a)); break;
                case "--minutes": minutes = double.Parse(Next(queue, a), System.Globalization.CultureInfo.InvariantCulture); break;
                case "sqlite": providers.Add(DatabaseProvider.Sqlite); break;
                case "postgres" or "postgresql": providers.Add(DatabaseProvider.Postgres); break;
                case "both": providers.AddRange([DatabaseProvider.Sqlite, DatabaseProvider.Postgres]); break;
                case "engine" or "database" or "incremental" or "all" or "serve" or "receipts" or "load" or "lists" when mode is null: mode = a; break;
                default: throw new ArgumentException($"Unknown argument '{a}'.");
            }
        }

        if (mode is null) throw new ArgumentException("Name a mode.");
        if (providers.Count == 0) providers.AddRange([DatabaseProvider.Sqlite, DatabaseProvider.Postgres]);
        var scale = quick ? Scale.Quick : scaleBy is > 1 ? Scale.Full.Divide(scaleBy.Value) : Scale.Full;
        return new Options
        {
            Mode = mode, Providers = providers.Distinct().ToList(), Quick = quick, Scale = scale, State = state, Repetitions = reps,
            SkipBenchmarkDotNet = noBdn, Outbox = outbox, PostgresConnectionString = string.IsNullOrWhiteSpace(postgres) ? null : postgres,
            Only = only, WorkFolder = work ?? Path.Combine(Path.GetTempPath(), "portal-bench"),
            Sessions = sessions, LoadDuration = TimeSpan.FromMinutes(minutes),
        };
    }

    private static string Next(Queue<string> queue, string option) =>
        queue.Count > 0 ? queue.Dequeue() : throw new ArgumentException($"{option} needs a value.");
}
