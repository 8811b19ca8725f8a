using CoalitionBot.Slack.SocketMode;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Slack.Tests.SocketMode;

public sealed class SeenEnvelopesTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void SameEnvelopeIdIsSeenOnce()
    {
        var seen = new SeenEnvelopes(_clock, Window);

        Assert.True(seen.FirstTime("e-1", null));
        Assert.False(seen.FirstTime("e-1", null));
        Assert.True(seen.FirstTime("e-2", null));
    }

    [Fact]
    public void SameEventIdUnderAnotherEnvelopeIsSeenOnce()
    {
        var seen = new SeenEnvelopes(_clock, Window);

        Assert.True(seen.FirstTime("e-1", "Ev1"));
        Assert.False(seen.FirstTime("e-2", "Ev1"));
        Assert.True(seen.FirstTime("e-3", "Ev2"));
    }

    [Fact]
    public void IdsAreForgottenAfterTheWindow()
    {
        var seen = new SeenEnvelopes(_clock, Window);
        seen.FirstTime("e-1", "Ev1");

        _clock.Advance(Window - TimeSpan.FromSeconds(1));
        Assert.False(seen.FirstTime("e-1", "Ev1"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(seen.FirstTime("e-1", "Ev1"));
    }

    [Fact]
    public void RedeliveriesDoNotExtendTheWindow()
    {
        var seen = new SeenEnvelopes(_clock, Window);
        seen.FirstTime("e-1", null);

        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.False(seen.FirstTime("e-1", null));
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.True(seen.FirstTime("e-1", null));
    }

    [Fact]
    public void OldestIdsGoFirstWhenFull()
    {
        var seen = new SeenEnvelopes(_clock, Window, capacity: 3);
        seen.FirstTime("e-1", null);
        seen.FirstTime("e-2", null);
        seen.FirstTime("e-3", null);

        seen.FirstTime("e-4", null);

        Assert.False(seen.FirstTime("e-4", null));
        Assert.False(seen.FirstTime("e-3", null));
        Assert.True(seen.FirstTime("e-1", null));
    }
}
