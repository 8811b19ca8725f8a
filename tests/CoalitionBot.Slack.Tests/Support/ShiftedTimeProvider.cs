namespace CoalitionBot.Slack.Tests.Support;

/// <summary>
/// The real clock moved forward on demand: timers and delays run in real time (the host's loops keep
/// turning), while "now" jumps to a reminder's or a deadline's time without waiting days for it.
/// </summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void SetUtcNow(DateTimeOffset when) => Interlocked.Exchange(ref _offsetTicks, (when - System.GetUtcNow()).Ticks);
}
