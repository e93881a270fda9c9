namespace Portal.Domain.Allocation;

/// <summary>
/// The "needs allocation" flag of one product: a row exists while a change (receipt, adjustment, order, PO
/// change) has not been allocated yet. A run deletes the row it read; a mark that lands during the run bumps
/// the version, the delete then fails its concurrency check and the product is run again, so no change is lost.
/// See docs/background-jobs.md#what-marks-a-product.
/// </summary>
public class PendingAllocation
{
    private PendingAllocation() { }

    public PendingAllocation(int productId, string reason, DateTimeOffset markedAt)
    {
        ProductId = productId;
        Mark(reason, markedAt);
    }

    public int ProductId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset MarkedAt { get; private set; }
    public int Version { get; set; }

    public void Mark(string reason, DateTimeOffset markedAt)
    {
        Reason = reason.Length > 100 ? reason[..100] : reason;
        MarkedAt = markedAt;
    }
}
