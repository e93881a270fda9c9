using System.Collections.Concurrent;
using Portal.Benchmarks.Harness;

namespace Portal.Benchmarks.LoadTest;

/// <summary>Interaction latencies by kind and the errors met, shared by every session (thread-safe).</summary>
public sealed class Recorder
{
    private readonly ConcurrentDictionary<string, Samples> latencies = new();
    private readonly ConcurrentDictionary<string, int> errors = new();
    private readonly ConcurrentQueue<string> examples = new();
    private readonly ConcurrentDictionary<string, int> refusals = new();

    public bool Recording { get; set; }

    public void Add(string kind, double milliseconds)
    {
        if (!Recording) return;
        var samples = latencies.GetOrAdd(kind, _ => new Samples());
        lock (samples) samples.Add(milliseconds);
    }

    public void Error(string kind, string message)
    {
        if (!Recording) return;
        errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
        if (examples.Count < 20) examples.Enqueue($"{kind}: {message.Split('\n')[0]}");
    }

    /// <summary>The portal refused a change with its own message (e.g. two people receiving the same line): not an error.</summary>
    public void Refused(string kind, string message)
    {
        if (!Recording) return;
        refusals.AddOrUpdate($"{kind}: {message.Split('\n')[0]}", 1, (_, n) => n + 1);
    }

    public IReadOnlyDictionary<string, int> Refusals => refusals;

    public int Interactions => latencies.Values.Sum(s => s.Count);

    public int ErrorCount => errors.Values.Sum();

    public IReadOnlyDictionary<string, int> Errors => errors;

    public IEnumerable<string> ErrorExamples => examples;

    public IEnumerable<(string Kind, Samples Samples)> ByKind() => latencies.OrderBy(k => k.Key).Select(k => (k.Key, k.Value));

    public Samples All()
    {
        var all = new Samples();
        foreach (var samples in latencies.Values)
            lock (samples)
                foreach (var v in samples.Values) all.Add(v);
        return all;
    }
}
