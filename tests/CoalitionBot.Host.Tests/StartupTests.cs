using CoalitionBot.Actions;
using CoalitionBot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoalitionBot.Host.Tests;

/// <summary>What the server does at start-up beside indexing.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task TheDeadlineReaderIsWarmedUpInTheBackgroundSoTheFirstFormIsAnsweredInTime()
    {
        await using var app = new CoalitionBotApplication();
        await app.ReadyClientAsync();

        // A hosted service of the running host: it compiles the recognizer off the request path (Slack's ack has 3 s).
        var warmUp = Assert.Single(app.Services.GetServices<IHostedService>().OfType<DeadlineReaderWarmUp>());
        await warmUp.ExecuteTask!;
        Assert.True(warmUp.ExecuteTask!.IsCompletedSuccessfully);
    }
}
