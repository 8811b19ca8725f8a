using CoalitionBot.Conversation;
using CoalitionBot.Teams.Bot;
using CoalitionBot.Teams.Connector;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Teams.Tests;

public sealed class TeamsPacerTests
{
    [Fact]
    public async Task FirstCallGoesAtOnce()
    {
        var (pacer, _) = Pacer();

        var turn = pacer.WaitTurnAsync("tenant", "a:1", CancellationToken.None);

        Assert.True(turn.IsCompletedSuccessfully);
        await turn;
    }

    [Fact]
    public async Task SecondSendToAConversationWaitsTheInterval()
    {
        var (pacer, time) = Pacer();
        await pacer.WaitTurnAsync("tenant", "a:1", CancellationToken.None);

        var second = pacer.WaitTurnAsync("tenant", "a:1", CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task OtherConversationsOfATenantShareItsRate()
    {
        var (pacer, time) = Pacer(perSecond: 10);
        await pacer.WaitTurnAsync("tenant", "a:1", CancellationToken.None);

        var other = pacer.WaitTurnAsync("tenant", "a:2", CancellationToken.None);
        var otherTenant = pacer.WaitTurnAsync("elsewhere", "a:3", CancellationToken.None);

        Assert.False(other.IsCompleted);
        Assert.True(otherTenant.IsCompletedSuccessfully);
        time.Advance(TimeSpan.FromMilliseconds(100));
        await other.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ZeroTurnsPacingOff()
    {
        var (pacer, _) = Pacer(perSecond: 0, interval: TimeSpan.Zero);

        for (var i = 0; i < 5; i++)
        {
            var turn = pacer.WaitTurnAsync("tenant", "a:1", CancellationToken.None);
            Assert.True(turn.IsCompletedSuccessfully);
            await turn;
        }
    }

    private static (TeamsPacer Pacer, FakeTimeProvider Time) Pacer(double perSecond = 10, TimeSpan? interval = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 21, 0, 0, TimeSpan.Zero));
        var options = Options.Create(new TeamsOptions { ProactiveCallsPerSecond = perSecond, ConversationSendInterval = interval ?? TimeSpan.FromSeconds(1) });
        return (new TeamsPacer(options, new SendPacer(time)), time);
    }
}
