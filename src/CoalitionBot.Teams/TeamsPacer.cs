using Microsoft.Extensions.Options;

namespace CoalitionBot.Teams;

/// <summary>
/// Spaces proactive Bot Connector calls to stay inside Teams' throttling (teams-protocol.md section 6): at most
/// <see cref="TeamsOptions.ProactiveCallsPerSecond"/> per tenant and one per <see cref="TeamsOptions.ConversationSendInterval"/>
/// per conversation. Each caller reserves the first slot free for both its tenant and its conversation under a
/// lock and then waits for it, so callers are served in order and other tenants are never delayed.
/// </summary>
internal sealed class TeamsPacer(IOptions<TeamsOptions> options, TimeProvider time)
{
    // Past this many keys, slots that are already free are dropped so the map stays small.
    private const int PruneThreshold = 1_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _nextFree = new(StringComparer.Ordinal);

    /// <summary>Completes when a call for <paramref name="conversationId"/> in <paramref name="tenantId"/> may be made.</summary>
    public Task WaitTurnAsync(string? tenantId, string conversationId, CancellationToken cancellationToken)
    {
        var perSecond = options.Value.ProactiveCallsPerSecond;
        var tenantInterval = perSecond > 0 ? TimeSpan.FromSeconds(1 / perSecond) : TimeSpan.Zero;
        var conversationInterval = options.Value.ConversationSendInterval;
        var tenantKey = "tenant:" + (tenantId ?? "");
        var conversationKey = "conversation:" + conversationId;
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
            var slot = Max(now, Max(NextFree(tenantKey), NextFree(conversationKey)));
            _nextFree[tenantKey] = slot + tenantInterval;
            _nextFree[conversationKey] = slot + conversationInterval;
            wait = slot - now;
        }
        return wait > TimeSpan.Zero ? Task.Delay(wait, time, cancellationToken) : Task.CompletedTask;
    }

    private DateTimeOffset NextFree(string key) => _nextFree.TryGetValue(key, out var next) ? next : DateTimeOffset.MinValue;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
