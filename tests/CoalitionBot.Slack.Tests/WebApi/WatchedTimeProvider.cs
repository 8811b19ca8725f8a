using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Slack.Tests.WebApi;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells when code starts waiting on it, so a test can advance
/// time after the wait began (Task.Delay with a TimeProvider creates a timer) instead of racing it.
/// </summary>
internal sealed class WatchedTimeProvider : FakeTimeProvider
{
    private readonly SemaphoreSlim _timers = new(0);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Release();
        return timer;
    }

    /// <summary>Completes once a timer has been created (each timer is counted once).</summary>
    public async Task TimerCreatedAsync()
    {
        // A guard against a hang, not a timing assertion: the timer normally appears within milliseconds.
        if (!await _timers.WaitAsync(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("Nothing started waiting on the fake clock.");
        }
    }
}
