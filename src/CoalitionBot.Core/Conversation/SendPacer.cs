namespace CoalitionBot.Conversation;

/// <summary>
/// Spaces the bot's calls to a chat platform so that they stay inside its rate limits: each call names the lanes
/// it uses (a Slack channel; a Teams tenant and conversation) with the least time between two calls in each lane.
/// A caller reserves the first slot that is free in all of its lanes under a lock and then waits for it, so callers
/// are served in order and other lanes are never delayed. One instance serves every platform (lanes carry the
/// platform in their names).
/// </summary>
public sealed class SendPacer(TimeProvider time)
{
    // Past this many lanes, slots that are already free are dropped so the map stays small.
    private const int PruneThreshold = 1_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _nextFree = new(StringComparer.Ordinal);

    /// <summary>Completes when a call that uses every one of <paramref name="lanes"/> may be made; a zero interval does not pace its lane.</summary>
    public Task WaitTurnAsync(IReadOnlyList<(string Lane, TimeSpan Interval)> lanes, CancellationToken cancellationToken)
    {
        var paced = lanes.Where(l => l.Interval > TimeSpan.Zero).ToList();
        if (paced.Count == 0)
        {
            return Task.CompletedTask;
        }
        TimeSpan wait;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_nextFree.Count >= PruneThreshold)
            {
                foreach (var stale in _nextFree.Where(e => e.Value <= now).Select(e => e.Key).ToList())
                {
                    _nextFree.Remove(stale);
                }
            }
            var slot = paced.Select(l => _nextFree.TryGetValue(l.Lane, out var next) ? next : now).Append(now).Max();
            foreach (var (lane, interval) in paced)
            {
                _nextFree[lane] = slot + interval;
            }
            wait = slot - now;
        }
        return wait > TimeSpan.Zero ? Task.Delay(wait, time, cancellationToken) : Task.CompletedTask;
    }
}
