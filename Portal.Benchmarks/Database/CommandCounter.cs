using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Benchmarks.Database;

/// <summary>
/// Counts and times every SQL command EF executes (and transaction commits, a round trip of their own on PostgreSQL),
/// keeping each command's text and parameters so the bare read can replay exactly the same SELECTs.
/// Reader times run from execution to the reader's disposal, so they include EF reading every row.
/// </summary>
public sealed class CommandCounter : IDbCommandInterceptor, IDbTransactionInterceptor
{
    private readonly object gate = new();
    private readonly List<Executed> commands = [];
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private int commits;
    private bool enabled;

    public sealed record Parameter(string Name, object? Value, DbParameter Original);

    public sealed class Executed
    {
        public required string Kind { get; init; }
        public required string Text { get; init; }
        public required IReadOnlyList<Parameter> Parameters { get; init; }
        public required TimeSpan Start { get; init; }
        public TimeSpan End { get; set; }
        public long Rows { get; set; }
    }

    public IReadOnlyList<Executed> Commands
    {
        get { lock (gate) return commands.ToList(); }
    }

    public int Commits => commits;

    /// <summary>Starts counting afresh; nothing is recorded until this is called.</summary>
    public void Reset()
    {
        lock (gate)
        {
            commands.Clear();
            commits = 0;
            enabled = true;
        }
    }

    public void Stop() => enabled = false;

    public TimeSpan Now => clock.Elapsed;

    private void Begin(DbCommand command, string kind)
    {
        if (!enabled) return;
        var parameters = command.Parameters.Cast<DbParameter>().Select(p => new Parameter(p.ParameterName, p.Value, p)).ToList();
        lock (gate) commands.Add(new Executed { Kind = kind, Text = command.CommandText, Parameters = parameters, Start = clock.Elapsed });
    }

    private void End(DbCommand command, long rows)
    {
        if (!enabled) return;
        lock (gate)
        {
            var last = commands.LastOrDefault(c => c.Text == command.CommandText && c.End == default);
            if (last is null) return;
            last.End = clock.Elapsed;
            last.Rows = rows;
        }
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Begin(command, "read");
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Begin(command, "read");
        return result;
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        End(command, eventData.ReadCount);
        return result;
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Begin(command, "write");
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Begin(command, "write");
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        End(command, result);
        return ValueTask.FromResult(result);
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        End(command, result);
        return result;
    }

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Begin(command, "scalar");
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Begin(command, "scalar");
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        End(command, 1);
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (enabled) Interlocked.Increment(ref commits);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (enabled) Interlocked.Increment(ref commits);
    }

    /// <summary>"12 commands (7 reads, 5 writes) + 1 commit".</summary>
    public string Describe()
    {
        var list = Commands;
        var selects = list.Count(c => c.Kind == "read" && c.Text.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase));
        return $"{list.Count} commands ({selects} SELECTs, {list.Count - selects} other) + {Commits} commit";
    }

    /// <summary>Each command on a line: when it started and how long it took, the in-process gap before it, and its first words.</summary>
    public void PrintTimeline(TimeSpan runStart, TimeSpan runEnd, string indent = "      ")
    {
        var previous = runStart;
        foreach (var c in Commands)
        {
            var gap = c.Start - previous;
            var text = string.Join(' ', c.Text.Split((char[])['\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
            Console.WriteLine($"{indent}+{(c.Start - runStart).TotalMilliseconds,8:0} ms  gap {gap.TotalMilliseconds,6:0}  {c.Kind,-6}{(c.End - c.Start).TotalMilliseconds,7:0} ms {c.Rows,9:N0} rows  {text[..Math.Min(90, text.Length)]}");
            if (Environment.GetEnvironmentVariable("PORTAL_BENCH_SQL") == "1") Console.WriteLine(c.Text);
            previous = c.End > c.Start ? c.End : c.Start;
        }

        Console.WriteLine($"{indent}+{(runEnd - runStart).TotalMilliseconds,8:0} ms  gap {(runEnd - previous).TotalMilliseconds,6:0}  (commit and return)");
    }
}
