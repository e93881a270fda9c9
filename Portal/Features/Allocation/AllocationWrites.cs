using Portal.Domain.Allocation;

namespace Portal.Features.Allocation;

/// <summary>A line's new allocation, promise and last-notified state, written only when one of them changed.</summary>
internal sealed record LineWrite(
    int Id, int Version, int Allocated, DateOnly? EtaDate, EtaBasis EtaBasis, bool EtaOverdue, int? EtaPurchaseOrderId,
    string? EtaNote, string? AllocationNote, NotifiedState Notified);

internal sealed record StockWrite(int Id, int Version, int Allocated);

/// <summary>What one line's customer should hear; the notifications feature turns these into outbox rows.</summary>
public sealed record LineNotice(int SalesOrderId, int CustomerId, int SalesOrderLineId, Notice Notice, string? EtaNote);

/// <summary>
/// The allocation run's hand-off to the customer outbox. It writes at once, on the run's connection inside the run's
/// open transaction (the run does not save its context), in a fixed number of statements however many notices there
/// are, and returns the number of statements it wrote with. A notice changed under it throws EF's <see cref="Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException"/>, which the run retries on like its own conflicts.
/// </summary>
public interface INoticeQueue
{
    Task<int> QueueAsync(Data.PortalDbContext db, IReadOnlyList<LineNotice> notices, CancellationToken cancellationToken);
}

/// <summary>A row the run read changed under it; the run starts again from fresh data.</summary>
internal sealed class AllocationConflictException(string message) : Exception(message);
