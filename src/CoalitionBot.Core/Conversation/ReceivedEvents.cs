using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Conversation;

/// <summary>Deduplicates inbound events by id, durably (see <see cref="ReceivedEvent"/>).</summary>
public sealed class ReceivedEvents(IDbContextFactory<CoalitionDbContext> contexts, TimeProvider time)
{
    /// <summary>Platforms retry for hours at most (Slack: 2 h, 24 h with Delayed Events); older ids are forgotten.</summary>
    private static readonly TimeSpan Kept = TimeSpan.FromDays(2);

    private const int PruneEvery = 500;
    private int _inserted;

    /// <summary>True the first time <paramref name="eventId"/> arrives from <paramref name="platform"/>.</summary>
    public async Task<bool> FirstTimeAsync(string platform, string eventId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        db.Add(new ReceivedEvent { Platform = platform, EventId = eventId, ReceivedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsDuplicate())
        {
            // The unique index refused it: this event was taken in before.
            return false;
        }
        if (Interlocked.Increment(ref _inserted) % PruneEvery == 0)
        {
            var before = now - Kept;
            await db.Set<ReceivedEvent>().Where(e => e.ReceivedAt < before).ExecuteDeleteAsync(cancellationToken);
        }
        return true;
    }
}
