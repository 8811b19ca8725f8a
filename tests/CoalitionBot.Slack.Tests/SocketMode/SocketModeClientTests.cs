using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using CoalitionBot.Slack.SocketMode;
using CoalitionBot.Slack.WebApi;
using Xunit.Abstractions;

namespace CoalitionBot.Slack.Tests.SocketMode;

public sealed class SocketModeClientTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EnvelopeIsAckedWithItsIdOnTheSameSocketAndQueued()
    {
        await using var slack = await SocketModeHarness.StartAsync(output);
        var link = await slack.Server.NextLinkAsync();

        var id = await link.SendEnvelopeAsync("events_api", EventCallback("Ev001"));

        var ack = await link.NextAckAsync();
        Assert.Equal($$"""{"envelope_id":"{{id}}"}""", ack.ToJsonString());
        var queued = await slack.NextQueuedAsync();
        Assert.Equal(SlackInboundKind.Event, queued.Kind);
        Assert.Equal("Ev001", queued.Payload.GetProperty("event_id").GetString());
        Assert.Equal(0, queued.RetryAttempt);
        Assert.Equal("1", link.Ticket);
    }

    [Theory]
    [InlineData("events_api", SlackInboundKind.Event)]
    [InlineData("slash_commands", SlackInboundKind.SlashCommand)]
    [InlineData("interactive", SlackInboundKind.Interaction)]
    public async Task EnvelopeTypeSetsTheInboundKind(string type, SlackInboundKind kind)
    {
        await using var slack = await SocketModeHarness.StartAsync(output);
        var link = await slack.Server.NextLinkAsync();

        await link.SendEnvelopeAsync(type, new JsonObject { ["type"] = "whatever", ["text"] = "hi" }, retryAttempt: 2);

        var queued = await slack.NextQueuedAsync();
        Assert.Equal(kind, queued.Kind);
        Assert.Equal("hi", queued.Payload.GetProperty("text").GetString());
        Assert.Equal(2, queued.RetryAttempt);
    }

    [Fact]
    public async Task RedeliveredEnvelopeIsAckedEachTimeButQueuedOnce()
    {
        await using var slack = await SocketModeHarness.StartAsync(output);
        var link = await slack.Server.NextLinkAsync();

        var id = await link.SendEnvelopeAsync("events_api", EventCallback("Ev002"));
        await link.SendEnvelopeAsync("events_api", EventCallback("Ev002"), envelopeId: id, retryAttempt: 1);
        var later = await link.SendEnvelopeAsync("events_api", EventCallback("Ev003"));

        Assert.Equal(id, (await link.NextAckAsync())["envelope_id"]!.GetValue<string>());
        Assert.Equal(id, (await link.NextAckAsync())["envelope_id"]!.GetValue<string>());
        Assert.Equal(later, (await link.NextAckAsync())["envelope_id"]!.GetValue<string>());
        // Frames are handled in order, so once the later event is queued the redelivery has been dropped.
        Assert.Equal("Ev002", (await slack.NextQueuedAsync()).Payload.GetProperty("event_id").GetString());
        Assert.Equal("Ev003", (await slack.NextQueuedAsync()).Payload.GetProperty("event_id").GetString());
    }

    [Fact]
    public async Task SameEventInANewEnvelopeIsQueuedOnce()
    {
        await using var slack = await SocketModeHarness.StartAsync(output);
        var link = await slack.Server.NextLinkAsync();

        await link.SendEnvelopeAsync("events_api", EventCallback("Ev004"));
        var again = await link.SendEnvelopeAsync("events_api", EventCallback("Ev004"), retryAttempt: 1);
        await link.SendEnvelopeAsync("events_api", EventCallback("Ev005"));

        await link.NextAckAsync();
        Assert.Equal(again, (await link.NextAckAsync())["envelope_id"]!.GetValue<string>());
        Assert.Equal("Ev004", (await slack.NextQueuedAsync()).Payload.GetProperty("event_id").GetString());
        Assert.Equal("Ev005", (await slack.NextQueuedAsync()).Payload.GetProperty("event_id").GetString());
    }

    [Fact]
    public async Task SlashCommandAckCarriesTheAcknowledgePayload()
    {
        await using var slack = await SocketModeHarness.StartAsync(output);
        slack.Acknowledge = inbound => inbound.Kind == SlackInboundKind.SlashCommand
            ? new JsonObject { ["response_type"] = "ephemeral", ["text"] = "Looking that up for " + inbound.Payload.GetProperty("user_id").GetString() }
            : null;
        var link = await slack.Server.NextLinkAsync();

        var id = await link.SendEnvelopeAsync("slash_commands", new JsonObject { ["command"] = "/coalition", ["text"] = "ask x", ["user_id"] = "U1" }, acceptsResponsePayload: true);

        var ack = await link.NextAckAsync();
        Assert.Equal(id, ack["envelope_id"]!.GetValue<string>());
        Assert.Equal("ephemeral", ack["payload"]!["response_type"]!.GetValue<string>());
        Assert.Equal("Looking that up for U1", ack["payload"]!["text"]!.GetValue<string>());
        Assert.Equal(SlackInboundKind.SlashCommand, (await slack.NextQueuedAsync()).Kind);
    }

    [Fact]
    public async Task AckCarriesNoPayloadWhenTheEnvelopeAcceptsNone()
    {
        await using var slack = await SocketModeHarness.StartAsync(output);
        slack.Acknowledge = _ => new JsonObject { ["text"] = "not for this envelope" };
        var link = await slack.Server.NextLinkAsync();

        var id = await link.SendEnvelopeAsync("events_api", EventCallback("Ev006"), acceptsResponsePayload: false);

        Assert.Equal($$"""{"envelope_id":"{{id}}"}""", (await link.NextAckAsync()).ToJsonString());
    }

    [Fact]
    public async Task FailingAcknowledgeStillAcksAndQueues()
    {
        await using var slack = await SocketModeHarness.StartAsync(output);
        slack.Acknowledge = _ => throw new InvalidOperationException("a bug in the command handler");
        var link = await slack.Server.NextLinkAsync();

        var id = await link.SendEnvelopeAsync("slash_commands", new JsonObject { ["command"] = "/coalition" }, acceptsResponsePayload: true);

        Assert.Equal($$"""{"envelope_id":"{{id}}"}""", (await link.NextAckAsync()).ToJsonString());
        Assert.Equal(SlackInboundKind.SlashCommand, (await slack.NextQueuedAsync()).Kind);
    }

    [Fact]
    public async Task JunkFramesAreIgnoredAndTheNextEnvelopeIsHandled()
    {
        await using var slack = await SocketModeHarness.StartAsync(output);
        var link = await slack.Server.NextLinkAsync();

        await link.SendAsync("not json");
        await link.SendAsync("[1,2,3]");
        await link.SendAsync("""{"no_type":true}""");
        await link.SendAsync("""{"type":"mystery"}""");
        await link.SendAsync(Encoding.UTF8.GetBytes("""{"type":"events_api","envelope_id":"binary"}"""), WebSocketMessageType.Binary, fragments: 1);
        var unknown = await link.SendEnvelopeAsync("mystery_api", new JsonObject { ["x"] = 1 });
        var notAnObject = await link.SendEnvelopeAsync("events_api", "a string");
        var good = await link.SendEnvelopeAsync("events_api", EventCallback("Ev007"));

        // Envelopes the client cannot use are still acked, so Slack does not redeliver them; nothing is queued for them.
        Assert.Equal(unknown, (await link.NextAckAsync())["envelope_id"]!.GetValue<string>());
        Assert.Equal(notAnObject, (await link.NextAckAsync())["envelope_id"]!.GetValue<string>());
        Assert.Equal(good, (await link.NextAckAsync())["envelope_id"]!.GetValue<string>());
        Assert.Equal("Ev007", (await slack.NextQueuedAsync()).Payload.GetProperty("event_id").GetString());
        Assert.Equal(1, slack.Server.Connections);
    }

    [Fact]
    public async Task FragmentedEnvelopeIsReassembled()
    {
        await using var slack = await SocketModeHarness.StartAsync(output);
        var link = await slack.Server.NextLinkAsync();
        var payload = EventCallback("Ev008");
        payload["event"]!["text"] = new string('q', 100_000);
        var envelope = new JsonObject { ["envelope_id"] = "big", ["type"] = "events_api", ["payload"] = payload };

        await link.SendAsync(Encoding.UTF8.GetBytes(envelope.ToJsonString()), WebSocketMessageType.Text, fragments: 7);

        Assert.Equal("big", (await link.NextAckAsync())["envelope_id"]!.GetValue<string>());
        var queued = await slack.NextQueuedAsync();
        Assert.Equal(100_000, queued.Payload.GetProperty("event").GetProperty("text").GetString()!.Length);
    }

    [Theory]
    [InlineData("refresh_requested")]
    [InlineData("warning")]
    [InlineData("a_reason_slack_adds_next_year")]
    public async Task DisconnectOpensAReplacementOnAFreshUrlThenClosesTheOldLink(string reason)
    {
        await using var slack = await SocketModeHarness.StartAsync(output);
        var first = await slack.Server.NextLinkAsync();

        await first.SendDisconnectAsync(reason);
        var second = await slack.Server.NextLinkAsync();

        Assert.Equal("2", second.Ticket);
        Assert.Equal(1, second.OtherOpenLinksWhenAccepted);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, await first.Closed.WaitAsync(FakeSocketModeServer.Patience));
        var id = await second.SendEnvelopeAsync("events_api", EventCallback("Ev009"));
        Assert.Equal(id, (await second.NextAckAsync())["envelope_id"]!.GetValue<string>());
        Assert.Equal("Ev009", (await slack.NextQueuedAsync()).Payload.GetProperty("event_id").GetString());
    }

    [Fact]
    public async Task OldLinkKeepsAckingUntilTheReplacementSaysHello()
    {
        await using var slack = await SocketModeHarness.StartAsync(output);
        var first = await slack.Server.NextLinkAsync();
        slack.Server.SendHello = false;

        await first.SendDisconnectAsync("warning");
        var second = await slack.Server.NextLinkAsync();
        var id = await first.SendEnvelopeAsync("events_api", EventCallback("Ev010"));

        Assert.Equal(id, (await first.NextAckAsync())["envelope_id"]!.GetValue<string>());
        Assert.Equal("Ev010", (await slack.NextQueuedAsync()).Payload.GetProperty("event_id").GetString());
        Assert.False(first.Closed.IsCompleted);
        await second.SendHelloAsync();
        Assert.Equal(WebSocketCloseStatus.NormalClosure, await first.Closed.WaitAsync(FakeSocketModeServer.Patience));
    }

    [Fact]
    public async Task DroppedLinkIsReplaced()
    {
        await using var slack = await SocketModeHarness.StartAsync(output);
        var first = await slack.Server.NextLinkAsync();

        first.Abort();
        var second = await slack.Server.NextLinkAsync();

        Assert.Equal("2", second.Ticket);
        var id = await second.SendEnvelopeAsync("events_api", EventCallback("Ev011"));
        Assert.Equal(id, (await second.NextAckAsync())["envelope_id"]!.GetValue<string>());
        Assert.Equal("Ev011", (await slack.NextQueuedAsync()).Payload.GetProperty("event_id").GetString());
    }

    [Fact]
    public async Task LinkClosedBySlackIsReplaced()
    {
        await using var slack = await SocketModeHarness.StartAsync(output);
        var first = await slack.Server.NextLinkAsync();

        await first.CloseAsync();
        var second = await slack.Server.NextLinkAsync();

        Assert.Equal(2, second.Number);
    }

    [Fact]
    public async Task RefusedUpgradeIsRetriedOnAFreshUrl()
    {
        await using var slack = await SocketModeHarness.StartAsync(output, urls: (server, n) => n == 1 ? new Uri($"ws://127.0.0.1:{server.Port}/not-a-link") : server.Url(n));

        var link = await slack.Server.NextLinkAsync();

        Assert.Equal("2", link.Ticket);
        Assert.Equal(1, link.Number);
    }

    [Fact]
    public async Task LinkWithoutHelloIsGivenUpAndReplaced()
    {
        var clock = new WatchedClock();
        await using var slack = await SocketModeHarness.StartAsync(output, o => o.HelloTimeout = TimeSpan.FromSeconds(30), clock);
        slack.Server.SendHello = false;
        var silent = await slack.Server.NextLinkAsync();
        slack.Server.SendHello = true;

        Assert.Equal(TimeSpan.FromSeconds(30), await clock.NextTimerAsync());
        clock.Advance(TimeSpan.FromSeconds(30));
        var second = await slack.Server.NextLinkAsync();

        Assert.Equal(2, second.Number);
        await silent.Closed.WaitAsync(FakeSocketModeServer.Patience);
    }

    [Fact]
    public async Task LinkDisabledStopsTheClient()
    {
        await using var slack = await SocketModeHarness.StartAsync(output);
        var link = await slack.Server.NextLinkAsync();

        await link.SendDisconnectAsync("link_disabled");

        await slack.Running.WaitAsync(FakeSocketModeServer.Patience);
        Assert.Equal(1, slack.UrlRequests);
        await link.Closed.WaitAsync(FakeSocketModeServer.Patience);
    }

    [Fact]
    public async Task RefusedAppTokenStopsTheClient()
    {
        await using var slack = await SocketModeHarness.StartAsync(output, urls: (_, _) => throw new SlackApiException("apps.connections.open", "invalid_auth"));

        await slack.Running.WaitAsync(FakeSocketModeServer.Patience);

        Assert.Equal(1, slack.UrlRequests);
        Assert.Equal(0, slack.Server.Connections);
    }

    [Fact]
    public async Task FailedConnectsWaitOneTwoFourSecondsAndHelloResetsTheWait()
    {
        var clock = new WatchedClock();
        await using var slack = await SocketModeHarness.StartAsync(
            output,
            o => (o.InitialReconnectDelay, o.MaxReconnectDelay, o.HelloTimeout) = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(5)),
            clock,
            (server, n) => n <= 3 ? throw new HttpRequestException("slack.com unreachable") : server.Url(n));
        var server = slack.Server;

        foreach (var seconds in new[] { 1, 2, 4 })
        {
            Assert.Equal(TimeSpan.FromSeconds(seconds), await clock.NextReconnectWaitAsync(TimeSpan.FromMinutes(5)));
            Assert.Equal(0, server.Connections);
            clock.Advance(TimeSpan.FromSeconds(seconds));
        }
        var first = await server.NextLinkAsync();
        await first.SendEnvelopeAsync("events_api", EventCallback("Ev012"));
        await first.NextAckAsync(); // the hello before it has been handled
        first.Abort();

        Assert.Equal(TimeSpan.FromSeconds(1), await clock.NextReconnectWaitAsync(TimeSpan.FromMinutes(5)));
        Assert.Equal(4, slack.UrlRequests);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await server.NextLinkAsync()).Number);
    }

    [Fact]
    public async Task StoppingClosesTheLinkWithAHandshake()
    {
        await using var slack = await SocketModeHarness.StartAsync(output);
        var link = await slack.Server.NextLinkAsync();
        await link.SendEnvelopeAsync("events_api", EventCallback("Ev013"));
        await link.NextAckAsync();

        await slack.StopAsync();

        Assert.Equal(WebSocketCloseStatus.NormalClosure, await link.Closed.WaitAsync(FakeSocketModeServer.Patience));
        Assert.Equal(1, slack.Server.Connections);
    }

    private static JsonObject EventCallback(string eventId) => new()
    {
        ["type"] = "event_callback",
        ["team_id"] = "T1",
        ["api_app_id"] = "A1",
        ["event_id"] = eventId,
        ["event_time"] = 1_764_000_000,
        ["event"] = new JsonObject { ["type"] = "message", ["channel_type"] = "im", ["user"] = "U1", ["text"] = "hello", ["ts"] = "1764000000.000100", ["channel"] = "D1" },
    };
}
