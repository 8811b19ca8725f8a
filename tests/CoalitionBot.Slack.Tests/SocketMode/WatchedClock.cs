using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Slack.Tests.SocketMode;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports each wait the code starts (Task.Delay and WaitAsync
/// create a timer), so a test advances time after the wait began instead of racing it.
/// </summary>
internal sealed class WatchedClock : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer created.</summary>
    public async Task<TimeSpan> NextTimerAsync() => await _timers.Reader.ReadAsync().AsTask().WaitAsync(FakeSocketModeServer.Patience);

    /// <summary>The due time of the next timer other than the hello timeout (<paramref name="helloTimeout"/>).</summary>
    public async Task<TimeSpan> NextReconnectWaitAsync(TimeSpan helloTimeout)
    {
        while (true)
        {
            var due = await NextTimerAsync();
            if (due != helloTimeout)
            {
                return due;
            }
        }
    }
}
