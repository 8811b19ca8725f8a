using CoalitionBot.Slack.SocketMode;

namespace CoalitionBot.Slack.Tests.SocketMode;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void WaitsDoubleUpToTheCapAndStartOverAfterReset()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

        var waits = Enumerable.Range(0, 9).Select(_ => backoff.Next().TotalSeconds).ToList();
        backoff.Reset();

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], waits);
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Next());
    }

    [Fact]
    public void ZeroInitialWaitNeverWaits()
    {
        var backoff = new ReconnectBackoff(TimeSpan.Zero, TimeSpan.FromSeconds(60));

        Assert.All(Enumerable.Range(0, 5), _ => Assert.Equal(TimeSpan.Zero, backoff.Next()));
    }
}
