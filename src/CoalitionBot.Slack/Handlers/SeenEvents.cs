namespace CoalitionBot.Slack.Handlers;

/// <summary>
/// Event ids handled in the last <see cref="Window"/>: Slack delivers at least once (a missed ack,
/// an HTTP retry, two sockets), and a question must be answered once. Slack retries within
/// minutes, so ten minutes of memory is enough and bounded.
/// </summary>
internal sealed class SeenEvents(TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>True the first time an id is seen within the window.</summary>
    public bool FirstTime(string eventId)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (_seen.Count > 1_000)
            {
                foreach (var old in _seen.Where(s => now - s.Value > Window).Select(s => s.Key).ToList())
                {
                    _seen.Remove(old);
                }
            }
            if (_seen.TryGetValue(eventId, out var at) && now - at <= Window)
            {
                return false;
            }
            _seen[eventId] = now;
            return true;
        }
    }
}
