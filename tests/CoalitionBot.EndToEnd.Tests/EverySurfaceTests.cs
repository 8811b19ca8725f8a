using CoalitionBot.EndToEnd.Tests.Surfaces;
using CoalitionBot.Host.Tests.Support;
using CoalitionBot.Slack.Tests.Support;
using CoalitionBot.Teams.Tests.Support;
using Xunit.Abstractions;

namespace CoalitionBot.EndToEnd.Tests;

/// <summary>
/// One scenario through the five places a member talks to the bot: a Slack DM, <c>/coalition</c>, a Teams chat, the
/// web chat and the terminal. Each runs against the real host (the fake Slack and Bot Connector on loopback; the
/// terminal in-process), and every reply must read the same everywhere: its words and its buttons.
/// </summary>
public sealed class EverySurfaceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly Step[] Scenario =
    [
        Step.Say("help"),
        Step.Say("actions"),
        Step.Say("action status act_0000000000"),
        Step.Say("What can diaspora groups do in a crisis?"),
        // Follow-ups read the previous turn of the same conversation (thread, DM, web conversation, terminal session).
        Step.Say("what about children?"),
        Step.Say("tell me more"),
        Step.Say("Who is the coalition's press officer?"),
        Step.Say("onboard"),
        Step.Press("Next"),
    ];

    private FakeSlack _slack = null!;
    private SlackHost _slackHost = null!;
    private TeamsConversation _teams = null!;
    private readonly Cli _cli = new();

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _slackHost = new SlackHost(_slack);
        await _slackHost.StartAsync();
        await _slack.WaitForConnectionAsync();
        _teams = await TeamsConversation.StartAsync(settings: TeamsHost.Unpaced());
    }

    public async Task DisposeAsync()
    {
        await _teams.DisposeAsync();
        await _slackHost.DisposeAsync();
        await _slack.DisposeAsync();
        _cli.Dispose();
    }

    [Fact]
    public async Task TheSameScenarioReadsTheSameOnEverySurface()
    {
        ISurface[] surfaces =
        [
            new SlackDirectMessageSurface(_slack),
            new SlackCommandSurface(_slack),
            new TeamsChatSurface(_teams),
            new WebChatSurface(_teams.Host.CreateClient()),
            new TerminalSurface(_cli),
        ];
        var seen = new Dictionary<string, IReadOnlyList<Seen>>();
        foreach (var surface in surfaces)
        {
            seen[surface.Name] = await surface.RunAsync(Scenario);
        }

        for (var i = 0; i < Scenario.Length; i++)
        {
            var reference = seen["web chat"][i];
            output.WriteLine($"{Scenario[i]} → {reference}");
            Assert.False(string.IsNullOrWhiteSpace(reference.Text), $"{Scenario[i]}: the web chat said nothing");
            foreach (var (surface, replies) in seen)
            {
                Assert.True(reference == replies[i], $"{Scenario[i]}: {surface} showed {replies[i]}\nbut the web chat showed {reference}");
            }
        }
        // The scenario means something: the answer has its feedback buttons, the tour its steps' buttons.
        Assert.Contains("helpful", seen["Teams chat"][At("What can diaspora groups do in a crisis?")].Buttons);
        Assert.Contains("next", seen["Slack DM"][At("onboard")].Buttons);
        Assert.StartsWith("There are no open joint actions", seen["terminal chat"][At("actions")].Text, StringComparison.Ordinal);
        // "tell me more" went on from the question before it, on every surface (the Slack DM's follow-up was typed below, not in the thread).
        Assert.Contains("crisis", seen["Slack DM"][At("tell me more")].Text, StringComparison.Ordinal);
    }

    private static int At(string typed) => Array.FindIndex(Scenario, s => s.Typed == typed);
}
