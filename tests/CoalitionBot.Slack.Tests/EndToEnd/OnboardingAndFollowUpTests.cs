using System.Text.Json.Nodes;
using CoalitionBot.Knowledge;
using CoalitionBot.Slack.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Slack.Tests.EndToEnd;

/// <summary>
/// Onboarding, follow-ups and "Ask a coordinator" over Socket Mode against the fake Slack: the
/// messages, clicks and thread replies a workspace would send, and what the bot posts back.
/// </summary>
public sealed class OnboardingAndFollowUpTests : IAsyncLifetime
{
    private const string Coordinators = "CCOORD";
    private FakeSlack _slack = null!;
    private SlackHost _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _host = new SlackHost(_slack, settings: new Dictionary<string, string>
        {
            ["AskCoordinators:Slack"] = Coordinators,
            ["Onboarding:Welcome:Slack:0"] = "CWELCOME",
            ["Onboarding:Welcome:Slack:1"] = "CGENERAL",
            // Welcomes are deliveries: the worker sends them.
            ["Reminders:PollInterval"] = "00:00:00.100",
        });
        await _host.StartAsync();
        await _slack.WaitForConnectionAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task AMemberStartsTheTourInTheirDmAndWalksTwoStepsAndOneBack()
    {
        await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(FakeSlack.DirectMessage("onboard", ts: "1764000000.000100")));
        var first = await _slack.WaitForCallAsync("chat.postMessage", c => Text(c).Contains("step 1 of 6", StringComparison.Ordinal));

        var second = await ClickAsync(first, "onboard_next", "step 2 of 6");
        var third = await ClickAsync(second, "onboard_next", "step 3 of 6");
        await ClickAsync(third, "onboard_back", "step 2 of 6", count: 2);

        Assert.Equal("D123", first.Body["channel"]!.GetValue<string>());
        Assert.Equal("1764000000.000100", first.Body["thread_ts"]!.GetValue<string>());
        Assert.Contains("Our common goal and change strategy", Text(second), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFollowUpInAChannelThreadIsAnsweredWithoutANewMention()
    {
        await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(new JsonObject
        {
            ["type"] = "app_mention", ["user"] = "U7", ["channel"] = "C1", ["ts"] = "1764000300.000100",
            ["text"] = "<@UBOT> What can civil society do to help migrants in a crisis?",
        }));
        await _slack.WaitForCallAsync("chat.postMessage", c => Thread(c) == "1764000300.000100");

        await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(new JsonObject
        {
            ["type"] = "message", ["channel_type"] = "channel", ["user"] = "U7", ["channel"] = "C1",
            ["ts"] = "1764000310.000100", ["thread_ts"] = "1764000300.000100", ["text"] = "what about children?",
        }));
        var followUp = await _slack.WaitForCallAsync("chat.postMessage", c => Thread(c) == "1764000300.000100", count: 2);

        Assert.Contains("child", followUp.Body["blocks"]!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("children", Text(followUp), StringComparison.OrdinalIgnoreCase);

        // Members thanking each other in the thread are not answered.
        await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(new JsonObject
        {
            ["type"] = "message", ["channel_type"] = "channel", ["user"] = "U8", ["channel"] = "C1",
            ["ts"] = "1764000320.000100", ["thread_ts"] = "1764000300.000100", ["text"] = "thanks, that helps!",
        }));
        await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(FakeSlack.DirectMessage("What does an advocacy module contain?")));
        await _slack.WaitForCallAsync("chat.postMessage", c => c.Body["channel"]!.GetValue<string>() == "D123");
        Assert.Equal(2, _slack.Calls.Count(c => c.Method == "chat.postMessage" && Thread(c) == "1764000300.000100"));
    }

    [Fact]
    public async Task AThreadTheBotIsNotFollowingIsLeftAlone()
    {
        await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(new JsonObject
        {
            ["type"] = "message", ["channel_type"] = "channel", ["user"] = "U7", ["channel"] = "C1",
            ["ts"] = "1764000410.000100", ["thread_ts"] = "1764000400.000100", ["text"] = "what about children?",
        }));
        // A DM after it: once it is answered, the thread message was handled (and ignored) before it.
        await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(FakeSlack.DirectMessage("What does an advocacy module contain?")));
        await _slack.WaitForCallAsync("chat.postMessage", c => c.Body["channel"]!.GetValue<string>() == "D123");

        Assert.DoesNotContain(_slack.Calls, c => c.Method == "chat.postMessage" && Thread(c) == "1764000400.000100");
    }

    [Fact]
    public async Task AskACoordinatorReachesTheirChannelTheirReplyReachesTheMemberAndSavingItAnswersTheNextPerson()
    {
        const string Question = "What is the parking policy at the Brussels office?";
        await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(FakeSlack.DirectMessage(Question, user: "U9", channel: "D9", ts: "1764000500.000100")));
        var notFound = await _slack.WaitForCallAsync("chat.postMessage", c => Text(c).StartsWith("I could not find", StringComparison.Ordinal));

        await ClickAsync(notFound, "ask_coordinator", user: "U9");
        var posted = await _slack.WaitForCallAsync("chat.postMessage", c => c.Body["channel"]!.GetValue<string>() == Coordinators);
        Assert.Contains(Question, Text(posted), StringComparison.Ordinal);
        var threadTs = (await _slack.WaitForCallAsync("response_url:click")).Body["text"]!.GetValue<string>().Contains("passed your question", StringComparison.Ordinal)
            ? PostedTs(posted)
            : throw new InvalidOperationException("the member was not told");

        await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(new JsonObject
        {
            ["type"] = "message", ["channel_type"] = "channel", ["user"] = "UCOORD", ["channel"] = Coordinators,
            ["ts"] = "1764000600.000100", ["thread_ts"] = threadTs, ["text"] = "Members park free in the courtyard; ask reception for a badge.",
        }));
        var toMember = await _slack.WaitForCallAsync("chat.postMessage", c => c.Body["channel"]!.GetValue<string>() == "D9" && Text(c).StartsWith("A coordinator answered", StringComparison.Ordinal));
        var offer = await _slack.WaitForCallAsync("chat.postMessage", c => Thread(c) == threadTs && Text(c).StartsWith("Sent to the member", StringComparison.Ordinal));
        Assert.Equal("1764000500.000100", Thread(toMember));
        Assert.Contains("courtyard", Text(toMember), StringComparison.Ordinal);

        await ClickAsync(offer, "save_answer", user: "UCOORD", channel: Coordinators);
        var saved = await _slack.WaitForCallAsync("chat.update");

        Assert.StartsWith("Saved as “Coordinator answer, ", saved.Body["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var answer = await _host.Services.GetRequiredService<AnswerService>().AskAsync(Question, CancellationToken.None);
        Assert.True(answer.Found);
        Assert.StartsWith("Coordinator answer, ", answer.Citations[0].Title, StringComparison.Ordinal);
        Assert.Contains("courtyard", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewMemberIsWelcomedOnceWhicheverWelcomeChannelsTheyJoin()
    {
        foreach (var channel in new[] { "CWELCOME", "CGENERAL", "COTHER" })
        {
            await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(new JsonObject { ["type"] = "member_joined_channel", ["user"] = "UNEW", ["channel"] = channel }));
        }
        await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(new JsonObject { ["type"] = "member_joined_channel", ["user"] = "UNEW2", ["channel"] = "CGENERAL" }));
        // Welcomes are deliveries the worker sends in batches, in no promised order (UNEW2's may go
        // first): wait for both members' welcomes before counting UNEW's.
        await _slack.WaitForCallAsync("chat.postMessage", c => c.Body["channel"]!.GetValue<string>() == "DUNEW");
        await _slack.WaitForCallAsync("chat.postMessage", c => c.Body["channel"]!.GetValue<string>() == "DUNEW2");

        var welcomes = _slack.Calls.Where(c => c.Method == "chat.postMessage" && c.Body["channel"]!.GetValue<string>() == "DUNEW").ToList();
        var welcome = Assert.Single(welcomes);
        Assert.StartsWith("Welcome to the coalition!", Text(welcome), StringComparison.Ordinal);
        Assert.Contains("onboard_start", welcome.Body["blocks"]!.ToJsonString(), StringComparison.Ordinal);
    }

    /// <summary>Clicks the button <paramref name="action"/> on a posted message and waits for the message it brings.</summary>
    private async Task<SlackCall> ClickAsync(SlackCall message, string action, string? expect = null, int count = 1, string user = "U123", string? channel = null)
    {
        var button = message.Body["blocks"]!.AsArray()
            .Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .First(e => e!["action_id"]!.GetValue<string>().StartsWith(action + ":", StringComparison.Ordinal))!;
        var where = channel ?? message.Body["channel"]!.GetValue<string>();
        var ts = PostedTs(message);
        var messageJson = new JsonObject { ["ts"] = ts };
        if (message.Body["thread_ts"] is { } thread)
        {
            messageJson["thread_ts"] = thread.GetValue<string>();
        }
        await _slack.SendEnvelopeAsync("interactive", new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user },
            ["trigger_id"] = "trigger-click",
            ["response_url"] = _slack.ResponseUrl("click"),
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = ts, ["channel_id"] = where, ["is_ephemeral"] = false },
            ["channel"] = new JsonObject { ["id"] = where },
            ["message"] = messageJson,
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = button["action_id"]!.GetValue<string>(), ["value"] = button["value"]!.GetValue<string>() }),
        }, acceptsResponsePayload: true);
        return expect is null ? message : await _slack.WaitForCallAsync("chat.postMessage", c => Text(c).Contains(expect, StringComparison.Ordinal), count: count);
    }

    /// <summary>The ts the fake gave a posted message: the fake answers posts in order, so it is recorded by matching the call.</summary>
    private string PostedTs(SlackCall message) => _slack.PostedTs(message);

    private static string Text(SlackCall call) => call.Body["text"]?.GetValue<string>() ?? "";

    private static string? Thread(SlackCall call) => call.Body["thread_ts"]?.GetValue<string>();
}
