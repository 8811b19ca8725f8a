using CoalitionBot.Conversation;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Tests.Conversation;

public sealed class ReceivedEventsTests
{
    [Fact]
    public async Task SameEventIsTakenInOnceEvenAcrossARestart()
    {
        using var seeds = TempFolder.WithSeeds();
        using var data = new TempFolder();
        using (var before = await new Library(seeds.Path, dataPath: data.Path).StartedAsync())
        {
            var events = before.Services.GetRequiredService<ReceivedEvents>();
            Assert.True(await events.FirstTimeAsync("slack", "Ev1", CancellationToken.None));
            Assert.False(await events.FirstTimeAsync("slack", "Ev1", CancellationToken.None));
        }
        using var after = await new Library(seeds.Path, dataPath: data.Path).StartedAsync();
        var restarted = after.Services.GetRequiredService<ReceivedEvents>();

        Assert.False(await restarted.FirstTimeAsync("slack", "Ev1", CancellationToken.None));
        Assert.True(await restarted.FirstTimeAsync("teams", "Ev1", CancellationToken.None));
        Assert.True(await restarted.FirstTimeAsync("slack", "Ev2", CancellationToken.None));
    }

    [Fact]
    public async Task ConcurrentDeliveriesOfOneEventLetExactlyOneThrough()
    {
        using var seeds = TempFolder.WithSeeds();
        using var library = await new Library(seeds.Path).StartedAsync();
        var events = library.Services.GetRequiredService<ReceivedEvents>();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => events.FirstTimeAsync("slack", "EvRace", CancellationToken.None))));

        Assert.Single(results, r => r);
    }
}
