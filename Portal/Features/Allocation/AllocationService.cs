using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Allocation;

namespace Portal.Features.Allocation;

/// <summary>
/// Loads the pools of some products, runs the pure engine on each and writes allocations, promises, cleared
/// "needs allocation" flags and customer notices in ONE transaction. A row changed by someone else during the run
/// makes the whole run start again from fresh data; it never over-allocates and never half-writes.
/// </summary>
public sealed partial class AllocationService(
    IDbContextFactory<PortalDbContext> dbFactory, INoticeQueue notices, TimeProvider clock, ILogger<AllocationService> logger)
{
    public const int MaxAttempts = 5;

    private static readonly string Instance = $"{Environment.MachineName}:{Environment.ProcessId}";

    public Task<AllocationRunSummary> RunProductAsync(int productId, CancellationToken cancellationToken = default) =>
        RunAsync([productId], cancellationToken);

    /// <summary>Every product: the nightly re-projection and the benchmark's full run.</summary>
    public Task<AllocationRunSummary> RunAllAsync(CancellationToken cancellationToken = default) => RunAsync(null, cancellationToken);

    /// <summary>
    /// The products among <paramref name="productIds"/> (all when null) still marked as needing allocation: what the
    /// triggered job and the sweep run. A product already run since it was marked is skipped.
    /// </summary>
    public async Task<AllocationRunSummary> RunPendingAsync(IReadOnlyCollection<int>? productIds, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = await PendingFlags(db, productIds).Select(p => p.ProductId).ToListAsync(cancellationToken);
        return pending.Count == 0 ? AllocationRunSummary.Nothing : await RunAsync(pending, onlyPending: true, cancellationToken);
    }

    /// <summary>Run records are for recent history: a month is kept, so the table stays small however many receipts.</summary>
    public async Task<int> PruneRunRecordsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cutoff = clock.GetUtcNow().AddDays(-30);
        return await db.AllocationRuns.Where(r => r.StartedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    public Task<AllocationRunSummary> RunAsync(IReadOnlyCollection<int>? productIds, CancellationToken cancellationToken = default) =>
        RunAsync(productIds, onlyPending: false, cancellationToken);

    private async Task<AllocationRunSummary> RunAsync(IReadOnlyCollection<int>? productIds, bool onlyPending, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var summary = await RunOnceAsync(productIds, onlyPending, cancellationToken);
                return summary with { Attempts = attempt, Elapsed = stopwatch.Elapsed };
            }
            catch (Exception e) when (IsConflict(e) && attempt < MaxAttempts)
            {
                logger.LogInformation("Allocation run for {Scope} met a concurrent change ({Reason}); running again.", Scope(productIds), e.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt * Random.Shared.Next(1, 4)), cancellationToken);
            }
        }
    }

    private async Task<AllocationRunSummary> RunOnceAsync(IReadOnlyCollection<int>? productIds, bool onlyPending, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AllocationLocks.AcquireAsync(db, productIds, cancellationToken);
        var startedAt = clock.GetUtcNow();

        var rules = await AllocationRules.LoadAsync(db, clock, cancellationToken);
        var flags = await PendingFlags(db, productIds).Select(p => new { p.ProductId, p.Version }).ToListAsync(cancellationToken);
        if (onlyPending && flags.Count < productIds!.Count)
        {
            // Another run (the sweep on another instance, say) took some of them while this one waited for their locks.
            if (flags.Count == 0)
            {
                return AllocationRunSummary.Nothing;
            }

            productIds = flags.Select(f => f.ProductId).ToList();
        }

        var loaded = await AllocationLoader.LoadAsync(db, productIds, cancellationToken);
        var outcome = AllocationPlanner.Plan(loaded, rules);

        var statements = await AllocationWriter.WriteLinesAsync(db, outcome.Lines, cancellationToken);
        statements += await AllocationWriter.WriteStockAsync(db, outcome.Stock, cancellationToken);
        if (outcome.Notices.Count > 0)
        {
            statements += await notices.QueueAsync(db, outcome.Notices, cancellationToken);
        }

        // Clear only the flags as they were read: a product marked again during the run keeps its flag and runs again.
        statements += await AllocationWriter.ClearFlagsAsync(db, flags.Select(f => (f.ProductId, f.Version)).ToList(), cancellationToken);

        // The shortage figures of the run's products, saved below with the run's record.
        await ShortageWriter.StageAsync(db, productIds, outcome.Shortages, cancellationToken);

        // The run's own record, for Admins and for proving runs never overlap: it held its products from startedAt.
        var products = productIds?.Count ?? loaded.Pools.Select(p => p.ProductId).Distinct().Count();
        db.AllocationRuns.Add(new AllocationRun(productIds?.Count == 1 ? productIds.First() : null, products, Instance, startedAt, clock.GetUtcNow(),
            outcome.Lines.Count, outcome.Notices.Count));
        await db.SaveChangesAsync(cancellationToken);
        statements++;

        await transaction.CommitAsync(cancellationToken);
        return new AllocationRunSummary(products, loaded.Pools.Count, loaded.Lines.Count, outcome.Lines.Count, outcome.UnitsAllocated,
            outcome.Notices.Count, statements, 1, TimeSpan.Zero);
    }

    private static IQueryable<PendingAllocation> PendingFlags(PortalDbContext db, IReadOnlyCollection<int>? productIds)
    {
        if (productIds is null)
        {
            return db.PendingAllocations;
        }

        if (!AllocationLoader.IsLong(productIds))
        {
            return db.PendingAllocations.Where(p => productIds.Contains(p.ProductId));
        }

        var ids = productIds.ToArray(); // one parameter, however many (see AllocationLoader)
        return db.PendingAllocations.Where(p => EF.Parameter(ids).Contains(p.ProductId));
    }

    // Someone else's change won the race: a row version moved, PostgreSQL found a deadlock, or SQLite stayed busy.
    private static bool IsConflict(Exception e) =>
        e is AllocationConflictException or DbUpdateConcurrencyException
            or Npgsql.PostgresException { SqlState: "40001" or "40P01" }
            or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 }
            // A deadlock victim, or an application lock refused as one (AllocationLocks).
            or Microsoft.Data.SqlClient.SqlException { Number: 1205 or 51000 }
        || e.InnerException is { } inner && IsConflict(inner);

    private static string Scope(IReadOnlyCollection<int>? productIds) =>
        productIds is null ? "all products" : productIds.Count == 1 ? $"product {productIds.First()}" : $"{productIds.Count} products";
}
