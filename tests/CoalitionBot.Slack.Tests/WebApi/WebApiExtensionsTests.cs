using CoalitionBot.Slack.Tests.Support;
using CoalitionBot.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Slack.Tests.WebApi;

public sealed class WebApiExtensionsTests
{
    [Fact]
    public async Task ClientsFromTheContainerShareOnePacer()
    {
        await using var api = await FakeSlackWebApi.StartAsync();
        var time = new FakeTimeProvider();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(time);
        services.AddOptions<SlackOptions>().Configure(o =>
        {
            o.BotToken = "xoxb-test";
            o.ApiBaseUrl = api.BaseUrl;
        });
        await using var provider = services.AddSlackWebApi().BuildServiceProvider();

        var first = provider.GetRequiredService<SlackApiClient>();
        var second = provider.GetRequiredService<SlackApiClient>();
        await first.PostMessageAsync(new SlackMessage("C1", "one"), CancellationToken.None);
        var waiting = second.PostMessageAsync(new SlackMessage("C1", "two"), CancellationToken.None);

        Assert.NotSame(first, second);
        Assert.Same(provider.GetRequiredService<ChannelPacer>(), provider.GetRequiredService<ChannelPacer>());
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, api.CallsTo("chat.postMessage").Count);
    }

    [Fact]
    public void SystemClockIsRegisteredOnlyWhenNoneIs()
    {
        var time = new FakeTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time).AddSlackWebApi();

        using var provider = services.BuildServiceProvider();

        Assert.Same(time, provider.GetRequiredService<TimeProvider>());
        using var plain = new ServiceCollection().AddSlackWebApi().BuildServiceProvider();
        Assert.Same(TimeProvider.System, plain.GetRequiredService<TimeProvider>());
    }
}
