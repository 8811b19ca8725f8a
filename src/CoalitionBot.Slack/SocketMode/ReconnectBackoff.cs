namespace CoalitionBot.Slack.SocketMode;

/// <summary>
/// Waits between reconnect attempts: <c>initial</c>, then doubling up to <c>max</c> (1 s, 2 s, 4 s … 60 s by
/// default); <see cref="Reset"/> after a link said hello, so one bad spell does not slow later recoveries.
/// </summary>
internal sealed class ReconnectBackoff(TimeSpan initial, TimeSpan max)
{
    private TimeSpan? _last;

    public TimeSpan Next()
    {
        var next = _last is { } last ? last + last : initial;
        _last = next > max ? max : next;
        return _last.Value;
    }

    public void Reset() => _last = null;
}
