using Microsoft.Extensions.Options;

namespace CoalitionBot.Slack.WebApi;

/// <summary>
/// Spaces chat.postMessage calls to one channel by <see cref="SlackOptions.ChannelPostInterval"/>, since
/// Slack allows about one message per second per channel. Each caller reserves the next free slot
/// of its channel under a lock and then waits for it, so callers are served in order and other
/// channels are never delayed. One instance is shared by every <see cref="SlackApiClient"/>.
/// </summary>
internal sealed class ChannelPacer(IOptions<SlackOptions> options, TimeProvider time)
{
    // Past this many channels, slots that are already free are dropped so the map stays small.
    private const int PruneThreshold = 1_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _nextFree = new(StringComparer.Ordinal);

    /// <summary>Completes when a message may be posted to <paramref name="channel"/>.</summary>
    public Task WaitTurnAsync(string channel, CancellationToken cancellationToken)
    {
        var interval = options.Value.ChannelPostInterval;
        if (interval <= TimeSpan.Zero)
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
            var slot = _nextFree.TryGetValue(channel, out var next) && next > now ? next : now;
            _nextFree[channel] = slot + interval;
            wait = slot - now;
        }
        return wait > TimeSpan.Zero ? Task.Delay(wait, time, cancellationToken) : Task.CompletedTask;
    }
}
