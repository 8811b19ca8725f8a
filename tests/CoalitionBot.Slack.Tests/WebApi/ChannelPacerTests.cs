using CoalitionBot.Conversation;
using CoalitionBot.Slack.WebApi;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Slack.Tests.WebApi;

public sealed class ChannelPacerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task TwoPostsToOneChannelAreSpacedByTheIntervalWhileAnotherChannelIsNotDelayed()
    {
        await using var slack = await SlackApiHarness.StartAsync(o => o.ChannelPostInterval = Interval);

        await slack.Client.PostMessageAsync(new SlackMessage("C1", "first"), None);
        var second = slack.Client.PostMessageAsync(new SlackMessage("C1", "second"), None);
        // Bounded so that a pacer which delays other channels fails here instead of hanging the run.
        await slack.Client.PostMessageAsync(new SlackMessage("C2", "elsewhere"), None).WaitAsync(HangGuard);

        Assert.Equal(["first", "elsewhere"], Texts(slack));
        slack.Time.Advance(Interval - Tick);
        Assert.False(second.IsCompleted);
        Assert.Equal(["first", "elsewhere"], Texts(slack));

        slack.Time.Advance(Tick);
        await second.WaitAsync(HangGuard);

        Assert.Equal(["first", "elsewhere", "second"], Texts(slack));
    }

    [Fact]
    public void FirstPostToAChannelDoesNotWait()
    {
        var (pacer, _) = Pacer();

        Assert.True(pacer.WaitTurnAsync("C1", None).IsCompletedSuccessfully);
        Assert.True(pacer.WaitTurnAsync("C2", None).IsCompletedSuccessfully);
    }

    [Fact]
    public void WaitingPostsToOneChannelGoOutOneIntervalApartInOrder()
    {
        var (pacer, time) = Pacer();

        var first = pacer.WaitTurnAsync("C1", None);
        var second = pacer.WaitTurnAsync("C1", None);
        var third = pacer.WaitTurnAsync("C1", None);

        Assert.True(first.IsCompleted);
        time.Advance(Interval);
        Assert.True(second.IsCompleted);
        Assert.False(third.IsCompleted);
        time.Advance(Interval);
        Assert.True(third.IsCompleted);
    }

    [Fact]
    public void PostAfterTheIntervalHasPassedDoesNotWait()
    {
        var (pacer, time) = Pacer();

        _ = pacer.WaitTurnAsync("C1", None);
        time.Advance(Interval + Tick);

        Assert.True(pacer.WaitTurnAsync("C1", None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task CancelledWaitEndsWithoutWaitingForTheSlot()
    {
        var (pacer, _) = Pacer();
        using var cancel = new CancellationTokenSource();

        _ = pacer.WaitTurnAsync("C1", None);
        var waiting = pacer.WaitTurnAsync("C1", cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public void ZeroIntervalTurnsPacingOff()
    {
        var (pacer, _) = Pacer(TimeSpan.Zero);

        Assert.True(pacer.WaitTurnAsync("C1", None).IsCompletedSuccessfully);
        Assert.True(pacer.WaitTurnAsync("C1", None).IsCompletedSuccessfully);
    }

    [Fact]
    public void ConcurrentCallersToOneChannelEachGetTheirOwnSlot()
    {
        var (pacer, time) = Pacer();

        var waits = new Task[50];
        Parallel.For(0, waits.Length, i => waits[i] = pacer.WaitTurnAsync("C1", None));

        Assert.Single(waits, w => w.IsCompleted);
        for (var done = 1; done < waits.Length; done++)
        {
            time.Advance(Interval);
            Assert.Equal(done + 1, waits.Count(w => w.IsCompleted));
        }
    }

    private static (ChannelPacer Pacer, FakeTimeProvider Time) Pacer(TimeSpan? interval = null)
    {
        var time = new FakeTimeProvider();
        var options = Options.Create(new SlackOptions { ChannelPostInterval = interval ?? Interval });
        return (new ChannelPacer(options, new SendPacer(time)), time);
    }

    private static string[] Texts(SlackApiHarness slack) =>
        [.. slack.Api.CallsTo("chat.postMessage").Select(c => (string)c.Json["text"]!)];
}
