using CoalitionBot.Conversation;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Reminders;

/// <summary>
/// Sends due deliveries. Each round claims a batch with a lease (one conditional UPDATE, so two
/// instances on one database never claim the same row), composes and sends each, and marks it
/// sent. A worker that dies mid-round leaves leases that expire, and the rows are taken again.
/// After downtime, of several overdue deliveries in one group only the latest goes out.
/// A delivery whose send was cut off by a crash (the platform may or may not have it) is not sent
/// again: a duplicate in fifty inboxes is worse than a rare gap, and the gap is shown in the action's status.
/// </summary>
public sealed partial class DeliveryWorker(
    IDbContextFactory<CoalitionDbContext> contexts,
    DeliveryRouter router,
    IOptions<RemindersOptions> options,
    TimeProvider time,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ReleaseOrphanedLeasesAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.RoundFailed(logger, e);
        }
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            try
            {
                while (await RunOnceAsync(stoppingToken) == options.Value.BatchSize)
                {
                    // A full batch: more may be due; go on without waiting.
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.RoundFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round: claims due deliveries and sends them. Returns how many were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken);
        foreach (var delivery in claimed)
        {
            await ProcessAsync(delivery, cancellationToken);
        }
        return claimed.Count;
    }

    /// <summary>
    /// Leases held by a process of this machine that is gone (killed, crashed) are released at once,
    /// so a restarted host does not wait out the lease; a live sibling's leases are left alone.
    /// Returns how many rows were released.
    /// </summary>
    public async Task<int> ReleaseOrphanedLeasesAsync(CancellationToken cancellationToken)
    {
        var machine = Environment.MachineName + "/";
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var owners = await db.Set<Delivery>()
            .Where(d => d.State == DeliveryState.Pending && d.LeaseOwner != null && d.LeaseOwner.StartsWith(machine))
            .Select(d => d.LeaseOwner!)
            .Distinct()
            .ToListAsync(cancellationToken);
        var orphaned = owners.Where(o => o != _owner && !IsAlive(o[machine.Length..])).ToList();
        if (orphaned.Count == 0)
        {
            return 0;
        }
        var released = await db.Set<Delivery>()
            .Where(d => d.State == DeliveryState.Pending && orphaned.Contains(d.LeaseOwner!))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseOwner, (string?)null).SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
        Log.LeasesReleased(logger, released, orphaned.Count);
        return released;
    }

    /// <summary>Whether the process named in "pid/guid" still runs. In a container a restarted host often gets its predecessor's pid: that one is us, not alive.</summary>
    private static bool IsAlive(string pidAndGuid)
    {
        if (!int.TryParse(pidAndGuid.Split('/')[0], out var pid) || pid <= 0 || pid == Environment.ProcessId)
        {
            return false;
        }
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private async Task<List<Delivery>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = now + options.Value.Lease;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The idle poll is this one indexed read; the writes below happen only when something is due.
        if (!await db.Set<Delivery>().AnyAsync(d => d.State == DeliveryState.Pending && d.DueAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now), cancellationToken))
        {
            return [];
        }
        // After downtime several deliveries of one group can be due at once: all but the latest are
        // skipped before anything is claimed, so they never go out as a burst, however many batches it takes.
        await db.Set<Delivery>()
            .Where(d => d.State == DeliveryState.Pending && d.DueAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now)
                && db.Set<Delivery>().Any(o => o.Group == d.Group && o.Id != d.Id && o.State == DeliveryState.Pending && o.DueAt <= now
                    && (o.DueAt > d.DueAt || (o.DueAt == d.DueAt && o.Id > d.Id))))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Skipped).SetProperty(d => d.Error, "superseded by a later delivery after downtime"), cancellationToken);
        var due = await db.Set<Delivery>()
            .Where(d => d.State == DeliveryState.Pending && d.DueAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now))
            .OrderBy(d => d.DueAt)
            .Select(d => d.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return [];
        }
        // The condition is checked again inside the UPDATE: a row another worker claimed meanwhile no longer matches.
        await db.Set<Delivery>()
            .Where(d => due.Contains(d.Id) && d.State == DeliveryState.Pending && (d.LeaseUntil == null || d.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseOwner, _owner).SetProperty(d => d.LeaseUntil, until), cancellationToken);
        return await db.Set<Delivery>()
            .AsNoTracking()
            .Where(d => due.Contains(d.Id) && d.LeaseOwner == _owner && d.LeaseUntil == until)
            .ToListAsync(cancellationToken);
    }

    public const string InDoubt = "in doubt: the host stopped while sending it, so it was most likely delivered; not sent again, to avoid a duplicate";

    private async Task ProcessAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            if (delivery.SendingSince is { } since)
            {
                Log.InDoubt(logger, delivery.Id, delivery.Kind, since);
                await FinishAsync(delivery, DeliveryState.Sent, InDoubt, null, cancellationToken, sentAt: since);
                return;
            }
            if (await router.PostponeAsync(delivery, cancellationToken) is { } later && later > time.GetUtcNow())
            {
                await PostponeAsync(delivery, later, cancellationToken);
                return;
            }
            var reply = await router.ComposeAsync(delivery, cancellationToken);
            if (reply is null)
            {
                await FinishAsync(delivery, DeliveryState.Skipped, "no longer needed", null, cancellationToken);
                return;
            }
            await MarkSendingAsync(delivery, cancellationToken);
            var sent = await router.SendAsync(delivery, reply, cancellationToken);
            await FinishAsync(delivery, DeliveryState.Sent, null, sent, cancellationToken);
            Log.Sent(logger, delivery.Id, delivery.Kind, delivery.Platform);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping: the send was cut off while it waited (pacing, Retry-After) or talked to the
            // platform. The row goes back as it was, to be sent by the next start, rather than counted in doubt.
            await ReleaseAsync(delivery);
            throw;
        }
        catch (Exception e)
        {
            await RetryOrFailAsync(delivery, e, cancellationToken);
        }
    }

    /// <summary>Puts the delivery back on the schedule at a later time (quiet hours), without counting an attempt.</summary>
    private async Task PostponeAsync(Delivery delivery, DateTimeOffset later, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Set<Delivery>().Where(d => d.Id == delivery.Id && d.LeaseOwner == _owner && d.State == DeliveryState.Pending).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.DueAt, later)
            .SetProperty(d => d.LeaseOwner, (string?)null)
            .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
        Log.Postponed(logger, delivery.Id, delivery.Kind, later);
    }

    private async Task ReleaseAsync(Delivery delivery)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        await db.Set<Delivery>().Where(d => d.Id == delivery.Id && d.LeaseOwner == _owner && d.State == DeliveryState.Pending).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.SendingSince, (DateTimeOffset?)null)
            .SetProperty(d => d.LeaseOwner, (string?)null)
            .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
    }

    private async Task MarkSendingAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        await db.Set<Delivery>().Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.SendingSince, now), cancellationToken);
    }

    private async Task RetryOrFailAsync(Delivery delivery, Exception error, CancellationToken cancellationToken)
    {
        var attempts = delivery.Attempts + 1;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (attempts >= options.Value.MaxAttempts)
        {
            Log.Failed(logger, error, delivery.Id, delivery.Kind, delivery.Platform, attempts);
            await db.Set<Delivery>().Where(d => d.Id == delivery.Id && d.LeaseOwner == _owner).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.State, DeliveryState.Failed)
                .SetProperty(d => d.SendingSince, (DateTimeOffset?)null)
                .SetProperty(d => d.Attempts, attempts)
                .SetProperty(d => d.Error, error.Message)
                .SetProperty(d => d.LeaseOwner, (string?)null)
                .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
            return;
        }
        var retryAt = time.GetUtcNow() + (options.Value.RetryDelay * Math.Pow(2, attempts - 1));
        Log.WillRetry(logger, error, delivery.Id, attempts, retryAt);
        await db.Set<Delivery>().Where(d => d.Id == delivery.Id && d.LeaseOwner == _owner).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Attempts, attempts)
            .SetProperty(d => d.SendingSince, (DateTimeOffset?)null)
            .SetProperty(d => d.Error, error.Message)
            .SetProperty(d => d.DueAt, retryAt)
            .SetProperty(d => d.LeaseOwner, (string?)null)
            .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
    }

    private async Task FinishAsync(Delivery delivery, DeliveryState state, string? reason, SentReply? sent, CancellationToken cancellationToken, DateTimeOffset? sentAt = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        DateTimeOffset? at = sentAt ?? (sent is null ? null : now);
        await db.Set<Delivery>().Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.State, state)
            .SetProperty(d => d.Error, reason)
            .SetProperty(d => d.SendingSince, (DateTimeOffset?)null)
            .SetProperty(d => d.SentAt, at)
            .SetProperty(d => d.SentTo, sent == null ? null : sent.ConversationId)
            .SetProperty(d => d.MessageId, sent == null ? null : sent.MessageId)
            .SetProperty(d => d.Attempts, delivery.Attempts + 1)
            .SetProperty(d => d.LeaseOwner, (string?)null)
            .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Information, "Sent delivery {DeliveryId} ({Kind}) on {Platform}")]
        public static partial void Sent(ILogger logger, long deliveryId, string kind, string platform);

        [LoggerMessage(LogLevel.Warning, "Delivery {DeliveryId} failed (attempt {Attempt}); retrying at {RetryAt}")]
        public static partial void WillRetry(ILogger logger, Exception exception, long deliveryId, int attempt, DateTimeOffset retryAt);

        [LoggerMessage(LogLevel.Error, "Delivery {DeliveryId} ({Kind}) on {Platform} failed for good after {Attempts} attempts")]
        public static partial void Failed(ILogger logger, Exception exception, long deliveryId, string kind, string platform, int attempts);

        [LoggerMessage(LogLevel.Information, "Released {Count} delivery lease(s) held by {Owners} stopped process(es) of this machine")]
        public static partial void LeasesReleased(ILogger logger, int count, int owners);

        [LoggerMessage(LogLevel.Warning, "Delivery {DeliveryId} ({Kind}) was being sent at {Since} when the host stopped; counted as sent, not sent again")]
        public static partial void InDoubt(ILogger logger, long deliveryId, string kind, DateTimeOffset since);

        [LoggerMessage(LogLevel.Information, "Delivery {DeliveryId} ({Kind}) postponed to {At} (quiet hours)")]
        public static partial void Postponed(ILogger logger, long deliveryId, string kind, DateTimeOffset at);

        [LoggerMessage(LogLevel.Error, "A delivery round failed")]
        public static partial void RoundFailed(ILogger logger, Exception exception);
    }
}
