namespace CoalitionBot.Slack.SocketMode;

/// <summary>
/// Envelope and event ids seen in the last <c>window</c>. Slack delivers at least once: a missed ack
/// brings the same envelope again, and a redelivery may come as a new envelope with the same
/// <c>event_id</c>, possibly on another socket. Ids expire oldest first; at most <c>capacity</c> are kept.
/// </summary>
internal sealed class SeenEnvelopes(TimeProvider time, TimeSpan window, int capacity = SeenEnvelopes.DefaultCapacity)
{
    /// <summary>Enough for Slack's cap of 30,000 events an hour over a 10-minute window, two ids each.</summary>
    public const int DefaultCapacity = 20_000;

    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset At)> _order = new();
    private readonly Lock _lock = new();

    /// <summary>True when neither id has been seen within the window; both are remembered either way.</summary>
    public bool FirstTime(string envelopeId, string? eventId)
    {
        var now = time.GetUtcNow();
        var envelopeKey = "envelope:" + envelopeId;
        var eventKey = eventId is null ? null : "event:" + eventId;
        lock (_lock)
        {
            Expire(now);
            var seen = _seen.ContainsKey(envelopeKey) | (eventKey is not null && _seen.ContainsKey(eventKey));
            Remember(envelopeKey, now);
            if (eventKey is not null)
            {
                Remember(eventKey, now);
            }
            return !seen;
        }
    }

    private void Remember(string key, DateTimeOffset now)
    {
        // The first sighting starts the window: a stream of redeliveries must not keep an id forever.
        if (_seen.TryAdd(key, now))
        {
            _order.Enqueue((key, now));
            while (_seen.Count > capacity && _order.TryDequeue(out var oldest))
            {
                _seen.Remove(oldest.Key);
            }
        }
    }

    private void Expire(DateTimeOffset now)
    {
        while (_order.TryPeek(out var oldest) && now - oldest.At >= window)
        {
            _order.Dequeue();
            _seen.Remove(oldest.Key);
        }
    }
}
