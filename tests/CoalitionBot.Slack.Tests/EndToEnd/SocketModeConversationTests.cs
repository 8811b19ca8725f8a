using System.Diagnostics;
using System.Text.Json.Nodes;
using CoalitionBot.Slack.Tests.Support;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CoalitionBot.Slack.Tests.EndToEnd;

/// <summary>The whole host over Socket Mode against a fake Slack speaking the real wire protocol.</summary>
public sealed class SocketModeConversationTests(ITestOutputHelper output) : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private SlackHost _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _host = new SlackHost(_slack);
        await _host.StartAsync();
        await _slack.WaitForConnectionAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task DirectMessageIsAnsweredInItsThreadWithCitedBlocks()
    {
        var envelope = await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(FakeSlack.DirectMessage("What can diaspora groups do in a crisis?", ts: "1764000000.000100")));

        await _slack.WaitForAckAsync(envelope);
        var post = await _slack.WaitForCallAsync("chat.postMessage");

        Assert.Equal("Bearer " + SlackHost.BotToken, post.Authorization);
        Assert.Equal("D123", post.Body["channel"]!.GetValue<string>());
        Assert.Equal("1764000000.000100", post.Body["thread_ts"]!.GetValue<string>());
        var blocks = post.Body["blocks"]!.ToJsonString();
        Assert.Contains("004_949f98561308b498.txt", blocks);
        Assert.Contains("Diaspora engagement in humanitarian response", blocks);
        Assert.Contains("answer_unhelpful", blocks);
        Assert.False(string.IsNullOrWhiteSpace(post.Body["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task NotHelpfulClickIsStoredAndTheMessageUpdated()
    {
        await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(FakeSlack.DirectMessage("What does an advocacy module contain?")));
        var post = await _slack.WaitForCallAsync("chat.postMessage");
        var button = ButtonsOf(post).Single(b => b["action_id"]!.GetValue<string>().StartsWith("answer_unhelpful", StringComparison.Ordinal));

        await _slack.SendEnvelopeAsync("interactive", BlockActions(button, "D123", "1764000100.000001"), acceptsResponsePayload: true);
        var update = await _slack.WaitForCallAsync("chat.update");

        Assert.Equal("D123", update.Body["channel"]!.GetValue<string>());
        Assert.Equal("1764000100.000001", update.Body["ts"]!.GetValue<string>());
        Assert.DoesNotContain("answer_unhelpful", update.Body["blocks"]!.ToJsonString());
        Assert.Contains("not helpful", update.Body["blocks"]!.ToJsonString());
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<CoalitionDbContext>>().CreateDbContextAsync();
        var feedback = await db.AnswerFeedback.SingleAsync();
        Assert.False(feedback.Helpful);
        Assert.Equal("U123", feedback.UserId);
        var answered = await db.AnsweredQuestions.SingleAsync(a => a.Id == feedback.AnsweredQuestionId);
        Assert.Equal("What does an advocacy module contain?", answered.Question);
        Assert.Contains("003_d7f48822047bd3f1.txt", answered.CitationsJson);
    }

    [Fact]
    public async Task MentionInAChannelIsAnsweredInItsThread()
    {
        var mention = new JsonObject
        {
            ["type"] = "app_mention",
            ["user"] = "U777",
            ["text"] = "<@UBOT> What is the common goal of the alliance?",
            ["ts"] = "1764000300.000200",
            ["thread_ts"] = "1764000299.000100",
            ["channel"] = "C0123",
            ["event_ts"] = "1764000300.000200",
        };

        await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(mention));
        var post = await _slack.WaitForCallAsync("chat.postMessage");

        Assert.Equal("C0123", post.Body["channel"]!.GetValue<string>());
        Assert.Equal("1764000299.000100", post.Body["thread_ts"]!.GetValue<string>());
        Assert.Contains("001_7d3c74ba043f25da.txt", post.Body["blocks"]!.ToJsonString());
    }

    [Fact]
    public async Task RedeliveredEnvelopeIsAnsweredOnce()
    {
        var callback = FakeSlack.EventCallback(FakeSlack.DirectMessage("What can diaspora groups do in a crisis?", channel: "D1"), eventId: "Ev0REDELIVER");
        var id = await _slack.SendEnvelopeAsync("events_api", callback);
        await _slack.SendEnvelopeAsync("events_api", (JsonObject)callback.DeepClone(), envelopeId: id, retryAttempt: 1);
        await _slack.WaitForAckAsync(id, count: 2);
        await _slack.WaitForCallAsync("chat.postMessage", c => c.Body["channel"]!.GetValue<string>() == "D1");

        // A later question on the same link: once it is answered, the redelivery has long been dealt with.
        await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(FakeSlack.DirectMessage("What does the Spotlight on the EU do?", channel: "D2")));
        await _slack.WaitForCallAsync("chat.postMessage", c => c.Body["channel"]!.GetValue<string>() == "D2");

        Assert.Single(_slack.Calls, c => c.Method == "chat.postMessage" && c.Body["channel"]!.GetValue<string>() == "D1");
    }

    [Fact]
    public async Task RateLimitedPostIsWaitedOutAndStillSent()
    {
        _slack.Script("chat.postMessage", 429, """{"ok":false,"error":"ratelimited"}""", retryAfter: 1);

        await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(FakeSlack.DirectMessage("What can diaspora groups do in a crisis?")));
        var second = await _slack.WaitForCallAsync("chat.postMessage", count: 2);

        Assert.Contains("004_949f98561308b498.txt", second.Body["blocks"]!.ToJsonString());
        Assert.Equal(2, _slack.Calls.Count(c => c.Method == "chat.postMessage"));
    }

    [Fact]
    public async Task WhenTheAnswerCannotBePostedThePersonStillGetsAnApologyWithTryAgain()
    {
        _slack.Script("chat.postMessage", 200, """{"ok":false,"error":"invalid_blocks"}""");

        await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(FakeSlack.DirectMessage("What can diaspora groups do in a crisis?")));
        var apology = await _slack.WaitForCallAsync("chat.postMessage", count: 2);

        Assert.Contains("Sorry", apology.Body["text"]!.GetValue<string>());
        var retry = Assert.Single(ButtonsOf(apology));
        Assert.StartsWith("retry_question", retry["action_id"]!.GetValue<string>());
        Assert.Equal("What can diaspora groups do in a crisis?", retry["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task DisconnectLeadsToAReconnectAndTheNextQuestionIsAnswered()
    {
        await _slack.SendFrameAsync("""{"type":"disconnect","reason":"refresh_requested","debug_info":{"host":"wss-test"}}""");
        await _slack.WaitForConnectionAsync(2);

        await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(FakeSlack.DirectMessage("What is the common goal of the alliance?")));
        var post = await _slack.WaitForCallAsync("chat.postMessage");

        Assert.Contains("001_7d3c74ba043f25da.txt", post.Body["blocks"]!.ToJsonString());
        Assert.True(_slack.Calls.Count(c => c.Method == "apps.connections.open") >= 2);
    }

    [Fact]
    public async Task QuestionIsAnsweredEvenWhenAuthTestFails()
    {
        _slack.Script("auth.test", 200, """{"ok":false,"error":"internal_error"}""");

        await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(FakeSlack.DirectMessage("What can diaspora groups do in a crisis?")));
        var post = await _slack.WaitForCallAsync("chat.postMessage");

        Assert.Contains("004_949f98561308b498.txt", post.Body["blocks"]!.ToJsonString());
    }

    [Fact]
    public async Task OwnMessagesOtherBotsEditsAndJunkAreNotAnswered()
    {
        var own = FakeSlack.DirectMessage("What can diaspora groups do in a crisis?", user: "UBOT", channel: "D9");
        var bot = FakeSlack.DirectMessage("What can diaspora groups do in a crisis?", channel: "D9");
        bot["bot_id"] = "B999";
        var edit = FakeSlack.DirectMessage("What can diaspora groups do in a crisis?", channel: "D9");
        edit["subtype"] = "message_changed";
        await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(own));
        await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(bot));
        await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(edit));
        await _slack.SendFrameAsync("this is not json");
        await _slack.SendEnvelopeAsync("events_api", new JsonObject { ["type"] = "event_callback", ["event"] = "not an object" });

        await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(FakeSlack.DirectMessage("What does the Spotlight on the EU do?", channel: "D2")));
        await _slack.WaitForCallAsync("chat.postMessage", c => c.Body["channel"]!.GetValue<string>() == "D2");

        Assert.DoesNotContain(_slack.Calls, c => c.Method == "chat.postMessage" && c.Body["channel"]!.GetValue<string>() == "D9");
    }

    [Fact]
    public async Task EmptyAndOverlongMessagesGetAClearReply()
    {
        await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(FakeSlack.DirectMessage("<@UBOT>   ", channel: "D5")));
        await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(FakeSlack.DirectMessage(new string('x', 40_000), channel: "D6")));

        var empty = await _slack.WaitForCallAsync("chat.postMessage", c => c.Body["channel"]!.GetValue<string>() == "D5");
        var overlong = await _slack.WaitForCallAsync("chat.postMessage", c => c.Body["channel"]!.GetValue<string>() == "D6");

        Assert.Contains("Please type a question", empty.Body["text"]!.GetValue<string>());
        Assert.Contains("2,000", overlong.Body["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task SuggestionButtonAsksItsQuestionInTheThread()
    {
        await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(FakeSlack.DirectMessage("What is the office parking policy?", ts: "1764000400.000100")));
        var notFound = await _slack.WaitForCallAsync("chat.postMessage");
        var suggestion = ButtonsOf(notFound).First();
        Assert.StartsWith("ask_question", suggestion["action_id"]!.GetValue<string>());

        var payload = BlockActions(suggestion, "D123", "1764000100.000001");
        payload["message"]!["thread_ts"] = "1764000400.000100";
        await _slack.SendEnvelopeAsync("interactive", payload, acceptsResponsePayload: true);
        var answer = await _slack.WaitForCallAsync("chat.postMessage", count: 2);

        Assert.Equal("1764000400.000100", answer.Body["thread_ts"]!.GetValue<string>());
        Assert.Contains("[1]", answer.Body["blocks"]!.ToJsonString());
    }

    [Fact]
    public async Task UnknownButtonGetsAFriendlyMessage()
    {
        var payload = BlockActions(new JsonObject { ["action_id"] = "launch_rocket", ["value"] = "x" }, "D123", "1764000100.000001");
        payload["response_url"] = _slack.ResponseUrl("unknown");

        await _slack.SendEnvelopeAsync("interactive", payload, acceptsResponsePayload: true);
        var response = await _slack.WaitForCallAsync("response_url:unknown");

        Assert.Contains("don't know that button", response.Body["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task SlashCommandAcksAtOnceAndAnswersThroughTheResponseUrl()
    {
        var command = new JsonObject
        {
            ["command"] = "/coalition",
            ["text"] = "ask What does an advocacy module contain?",
            ["user_id"] = "U123",
            ["channel_id"] = "C0123",
            ["response_url"] = _slack.ResponseUrl("ask"),
            ["trigger_id"] = "1.2.3",
        };

        var id = await _slack.SendEnvelopeAsync("slash_commands", command, acceptsResponsePayload: true);
        await _slack.WaitForAckAsync(id);
        var response = await _slack.WaitForCallAsync("response_url:ask");

        Assert.Contains("Looking that up", _slack.Acks.Single(a => a.Contains(id, StringComparison.Ordinal)));
        Assert.Contains("003_d7f48822047bd3f1.txt", response.Body["blocks"]!.ToJsonString());
        Assert.Equal("ephemeral", response.Body["response_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task SlashCommandWithAnythingElseGetsTheHelp()
    {
        var id = await _slack.SendEnvelopeAsync("slash_commands", new JsonObject { ["command"] = "/coalition", ["text"] = "dance", ["user_id"] = "U1", ["channel_id"] = "C1", ["response_url"] = _slack.ResponseUrl("x") }, acceptsResponsePayload: true);

        await _slack.WaitForAckAsync(id);

        Assert.Contains("I answer questions from the coalition", _slack.Acks.Single(a => a.Contains(id, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AppHomeShowsWhatTheBotDoes()
    {
        await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(new JsonObject { ["type"] = "app_home_opened", ["user"] = "U123", ["channel"] = "D123", ["tab"] = "home", ["event_ts"] = "1764000500.000100" }));

        var publish = await _slack.WaitForCallAsync("views.publish");

        Assert.Equal("U123", publish.Body["user_id"]!.GetValue<string>());
        Assert.Contains("What can diaspora groups do in a crisis?", publish.Body["view"]!.ToJsonString());
    }

    [Fact]
    public async Task MedianTimeFromEventToPostMessage()
    {
        const int Questions = 100;
        var clock = Stopwatch.StartNew();
        var sent = new Dictionary<string, TimeSpan>();
        var took = new List<double>();
        for (var i = 0; i < Questions; i++)
        {
            var channel = $"DM{i}";
            sent[channel] = clock.Elapsed;
            await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(FakeSlack.DirectMessage("What can diaspora groups do in a crisis?", channel: channel)));
            await _slack.WaitForCallAsync("chat.postMessage", c => c.Body["channel"]!.GetValue<string>() == channel);
            took.Add((clock.Elapsed - sent[channel]).TotalMilliseconds);
        }

        took.Sort();
        output.WriteLine($"Event → chat.postMessage over {Questions} questions: median {took[Questions / 2]:F1} ms, p90 {took[Questions * 9 / 10]:F1} ms, max {took[^1]:F1} ms");
        Assert.Equal(Questions, _slack.Calls.Count(c => c.Method == "chat.postMessage"));
    }

    private static List<JsonObject> ButtonsOf(SlackCall post) =>
        post.Body["blocks"]!.AsArray()
            .Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray().Select(e => e!.AsObject()))
            .ToList();

    private static JsonObject BlockActions(JsonObject button, string channel, string messageTs) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = "U123", ["username"] = "member", ["team_id"] = "T1" },
        ["team"] = new JsonObject { ["id"] = "T1", ["domain"] = "coalition" },
        ["api_app_id"] = "A1",
        ["trigger_id"] = "1.2.3",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channel, ["is_ephemeral"] = false },
        ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "directmessage" },
        ["message"] = new JsonObject { ["ts"] = messageTs, ["type"] = "message" },
        ["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = button["action_id"]!.GetValue<string>(),
            ["block_id"] = "b1",
            ["value"] = button["value"]!.GetValue<string>(),
            ["action_ts"] = "1764000600.000100",
        }),
    };
}
