using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Notifications;
using Portal.Features.Notifications.Delivery;
using Portal.Features.Notifications.Links;
using Portal.Features.Notifications.Rendering;

namespace Portal.Features.Notifications;

/// <param name="Failed">Attempts that failed this run; the notices wait for their next try.</param>
/// <param name="GaveUp">Notices that failed their last allowed attempt and now wait for an Admin.</param>
/// <param name="Skipped">Notices another instance sent or claimed first.</param>
public sealed record NoticeSendSummary(int Sent, int Suppressed, int Failed, int GaveUp, int Skipped)
{
    public static readonly NoticeSendSummary None = new(0, 0, 0, 0, 0);
}

/// <summary>
/// Delivers due notices. Each one is claimed first (its due time moves forward by the claim duration, saved with the
/// version check), so two instances never send the same notice; it is marked sent only after the mail server took it.
/// A stop (the cancellation token) ends the run between two notices with <see cref="OperationCanceledException"/>:
/// the notice in hand is either sent and recorded, or given back untouched for the next run.
/// </summary>
public sealed class NoticeSender(
    IDbContextFactory<PortalDbContext> dbFactory,
    EmailTransport transport,
    IOptions<NoticeDeliveryOptions> options,
    OrderLinks links,
    TimeProvider clock,
    ILogger<NoticeSender> logger)
{
    private enum Outcome { Sent, Suppressed, Failed, GaveUp, Skipped }

    public async Task<NoticeSendSummary> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var outcomes = new List<Outcome>();
        var tried = new HashSet<int>();
        try
        {
            while (true)
            {
                var due = (await DueAsync(now, cancellationToken)).Where(tried.Add).ToList();
                if (due.Count == 0)
                {
                    break;
                }

                foreach (var id in due)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    outcomes.Add(await TrySendOneAsync(id, now, cancellationToken));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Sending notices stopped after {Sent} sent; the rest go out on the next run.", outcomes.Count(o => o == Outcome.Sent));
            throw;
        }

        return new NoticeSendSummary(
            outcomes.Count(o => o == Outcome.Sent), outcomes.Count(o => o == Outcome.Suppressed),
            outcomes.Count(o => o is Outcome.Failed or Outcome.GaveUp), outcomes.Count(o => o == Outcome.GaveUp),
            outcomes.Count(o => o == Outcome.Skipped));
    }

    private async Task<List<int>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.CustomerNotices
            .Where(n => n.Status == NoticeStatus.Pending && n.DueAt <= now)
            .OrderBy(n => n.DueAt).ThenBy(n => n.Id)
            .Select(n => n.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);
    }

    // One notice that cannot be read or saved must not hold up the others; it stays pending for the next run.
    private async Task<Outcome> TrySendOneAsync(int id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return await SendOneAsync(id, now, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            // A query cut short by the stop can surface as the provider's own error; it is the stop, not a fault.
            throw new OperationCanceledException($"Stopped while sending notice {id}.", e, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not send notice {NoticeId}; it stays pending and is tried again on the next run.", id);
            return Outcome.Skipped;
        }
    }

    private async Task<Outcome> SendOneAsync(int id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notice = await db.CustomerNotices.Include(n => n.Events)
            .SingleOrDefaultAsync(n => n.Id == id && n.Status == NoticeStatus.Pending && n.DueAt <= now, cancellationToken);
        if (notice is null)
        {
            return Outcome.Skipped;
        }

        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == notice.CustomerId, cancellationToken);
        var content = await NoticeContentLoader.LoadAsync(db, notice, clock, cancellationToken);
        var linkExpires = links.Expires();
        content = content with { OrderLink = links.Url(notice.SalesOrderId, notice.CustomerId, linkExpires), LinkExpires = linkExpires };
        var email = NoticeRenderer.Render(content);
        // The link opens the order as the customer: it goes in the email only, never into the outbox staff read.
        var kept = NoticeRenderer.Render(content with { OrderLink = KeptLink });
        notice.Render(customer.Email, email.Subject, kept.TextBody, kept.HtmlBody, email.ContentHash);

        var reason = content.Lines.Count == 0 ? SuppressionReasons.NothingToReport
            : customer.NotificationsOptOut ? SuppressionReasons.OptedOut
            : customer.Email is null ? SuppressionReasons.NoAddress
            : await AlreadySentAsync(db, notice, email.ContentHash, cancellationToken) ? SuppressionReasons.SameState
            : null;
        if (reason is not null)
        {
            notice.Suppress(reason);
            return await TrySaveAsync(db, cancellationToken) ? Outcome.Suppressed : Outcome.Skipped;
        }

        // The last check before this run takes the notice on. Once claimed it is finished whatever the token says
        // (the transport gives up only before anything went out), so the claim is saved without the token too:
        // a save cut short might still commit, and the notice would then wait out a claim nobody holds.
        cancellationToken.ThrowIfCancellationRequested();
        var dueAt = notice.DueAt;
        notice.Claim(clock.GetUtcNow() + options.Value.ClaimDuration);
        if (!await TrySaveAsync(db, CancellationToken.None))
        {
            return Outcome.Skipped;
        }

        var outgoing = new OutgoingEmail(customer.Email!, email.Subject, email.TextBody, email.HtmlBody, MessageId(notice));
        string reply;
        try
        {
            reply = await transport.SendAsync(outgoing, notice.Id, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while connecting: nothing went out, so the claim is handed back and the next run sends it at once.
            notice.Claim(dueAt);
            await SaveOutcomeAsync(db, notice);
            throw;
        }
        catch (Exception e)
        {
            return await RecordFailureAsync(db, notice, e);
        }

        notice.MarkSent(clock.GetUtcNow(), reply);
        await DateQuestionRecorder.AskAsync(db, notice, content, clock.GetUtcNow());
        await SaveOutcomeAsync(db, notice);
        logger.LogInformation("Sent notice {NoticeId} for order {OrderId} to {To}.", notice.Id, notice.SalesOrderId, customer.Email);
        return Outcome.Sent;
    }

    // The customer already has this exact state of these lines: the latest email about any of them says the same.
    // Only the latest counts, so a date that moves away and back is still announced.
    private static async Task<bool> AlreadySentAsync(PortalDbContext db, CustomerNotice notice, string hash, CancellationToken cancellationToken)
    {
        var lineIds = notice.Events.Select(e => e.SalesOrderLineId).Distinct().ToList();
        var latest = await db.CustomerNotices
            .Where(n => n.SalesOrderId == notice.SalesOrderId && n.CustomerId == notice.CustomerId && n.Id != notice.Id
                        && n.Status == NoticeStatus.Sent && n.Events.Any(e => lineIds.Contains(e.SalesOrderLineId)))
            .OrderByDescending(n => n.SentAt).ThenByDescending(n => n.Id)
            .Select(n => n.ContentHash)
            .FirstOrDefaultAsync(cancellationToken);
        return latest == hash;
    }

    private async Task<Outcome> RecordFailureAsync(PortalDbContext db, CustomerNotice notice, Exception error)
    {
        var failures = notice.AttemptCount + 1;
        var now = clock.GetUtcNow();
        var permanent = error is FormatException; // an address the mail library refuses will not get better
        DateTimeOffset? retryAt = permanent || failures >= options.Value.MaxAttempts ? null : now + options.Value.RetryDelay(failures);
        var message = EmailTransport.Describe(error);
        notice.MarkAttemptFailed(now, message, retryAt);
        await SaveOutcomeAsync(db, notice);
        logger.LogWarning("Sending notice {NoticeId} failed (attempt {Attempt}): {Error}. {Next}", notice.Id, failures, message,
            retryAt is { } next ? $"Next try at {next:u}." : "Giving up; an Admin can retry it from the outbox.");
        return retryAt is null ? Outcome.GaveUp : Outcome.Failed;
    }

    private static async Task<bool> TrySaveAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false; // another instance claimed it, or a new change joined it: it goes out on a later run
        }
    }

    // The mail server has answered (or was never reached): record that even when the run is being stopped.
    private async Task SaveOutcomeAsync(PortalDbContext db, CustomerNotice notice)
    {
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not record the outcome of notice {NoticeId}; once its claim ends it is sent again.", notice.Id);
        }
    }

    /// <summary>What the outbox keeps in place of the customer's link.</summary>
    public const string KeptLink = "[customer link, not kept]";

    private string MessageId(CustomerNotice notice) => $"<notice-{notice.Id}@{transport.MessageIdDomain}>";
}
