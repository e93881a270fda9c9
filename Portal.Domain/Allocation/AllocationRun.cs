namespace Portal.Domain.Allocation;

/// <summary>
/// The portal's own record of one allocation run, written in the run's transaction: when it held its products (from
/// taking their locks to its commit), on which instance, and what it wrote. Runs of one product must never overlap,
/// whatever the job scheduler does, and these rows are how that is checked.
/// </summary>
public class AllocationRun
{
    private AllocationRun() { }

    public AllocationRun(int? productId, int products, string instance, DateTimeOffset startedAt, DateTimeOffset finishedAt, int linesWritten, int notices)
    {
        ProductId = productId;
        Products = products;
        Instance = instance.Length > 100 ? instance[..100] : instance;
        StartedAt = startedAt;
        FinishedAt = finishedAt;
        LinesWritten = linesWritten;
        Notices = notices;
    }

    public long Id { get; private set; }

    /// <summary>The product, when the run was for one product; null for several or all.</summary>
    public int? ProductId { get; private set; }

    public int Products { get; private set; }
    public string Instance { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset FinishedAt { get; private set; }
    public int LinesWritten { get; private set; }
    public int Notices { get; private set; }
}
