using System.Text.Json.Nodes;
using CoalitionBot.Slack.WebApi;

namespace CoalitionBot.Slack.Tests.WebApi;

/// <summary>What each typed method sends and how it reads the reply.</summary>
public sealed class SlackApiClientMethodsTests
{
    private const string JsonContentType = "application/json; charset=utf-8";
    private const string FormContentType = "application/x-www-form-urlencoded";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task PostMessageSendsJsonWithTheBotTokenThreadAndBlocks()
    {
        await using var slack = await SlackApiHarness.StartAsync();
        slack.Api.ReplyOk("chat.postMessage", new JsonObject { ["channel"] = "D123", ["ts"] = "1700000000.000100" });
        var blocks = new JsonArray(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "*Hi*" } });

        var posted = await slack.Client.PostMessageAsync(new SlackMessage("U42", "Hi", blocks, ThreadTs: "1699999999.000001"), None);

        Assert.Equal(new PostedMessage("D123", "1700000000.000100"), posted);
        var call = Assert.Single(slack.Api.Calls);
        Assert.Equal("chat.postMessage", call.Method);
        Assert.Equal($"Bearer {SlackApiHarness.BotToken}", call.Authorization);
        Assert.Equal(JsonContentType, call.ContentType);
        var body = call.Json;
        Assert.Equal("U42", (string?)body["channel"]);
        Assert.Equal("Hi", (string?)body["text"]);
        Assert.Equal("1699999999.000001", (string?)body["thread_ts"]);
        Assert.False((bool?)body["unfurl_links"]);
        Assert.False((bool?)body["unfurl_media"]);
        Assert.True(JsonNode.DeepEquals(blocks, body["blocks"]));
    }

    [Fact]
    public async Task PostMessageWithoutThreadOrBlocksSendsOnlyTheText()
    {
        await using var slack = await SlackApiHarness.StartAsync();

        await slack.Client.PostMessageAsync(new SlackMessage("C1", "plain"), None);

        var body = Assert.Single(slack.Api.Calls).Json;
        Assert.False(body.ContainsKey("thread_ts"));
        Assert.False(body.ContainsKey("blocks"));
        Assert.Equal("plain", (string?)body["text"]);
    }

    [Fact]
    public async Task TheSameBlocksCanBeSentTwice()
    {
        await using var slack = await SlackApiHarness.StartAsync(o => o.ChannelPostInterval = TimeSpan.Zero);
        JsonArray blocks = [new JsonObject { ["type"] = "divider" }];

        await slack.Client.PostMessageAsync(new SlackMessage("C1", "one", blocks), None);
        await slack.Client.UpdateMessageAsync("C1", "1.1", "two", blocks, None);

        Assert.Equal(2, slack.Api.Calls.Count);
    }

    [Fact]
    public async Task PostEphemeralSendsTheUserAndReturnsMessageTs()
    {
        await using var slack = await SlackApiHarness.StartAsync();
        slack.Api.ReplyOk("chat.postEphemeral", new JsonObject { ["message_ts"] = "1700000000.000200" });

        var ts = await slack.Client.PostEphemeralAsync("C1", "U7", "only you", null, "1699999999.000001", None);

        Assert.Equal("1700000000.000200", ts);
        var call = Assert.Single(slack.Api.Calls);
        Assert.Equal(JsonContentType, call.ContentType);
        Assert.Equal("U7", (string?)call.Json["user"]);
        Assert.Equal("1699999999.000001", (string?)call.Json["thread_ts"]);
    }

    [Fact]
    public async Task UpdateMessageAlwaysSendsBlocksSoTheOldOnesAreReplaced()
    {
        await using var slack = await SlackApiHarness.StartAsync();

        await slack.Client.UpdateMessageAsync("D1", "1700000000.000100", "now plain", [], None);

        var call = Assert.Single(slack.Api.Calls);
        Assert.Equal("chat.update", call.Method);
        Assert.Equal("1700000000.000100", (string?)call.Json["ts"]);
        Assert.Empty(Assert.IsType<JsonArray>(call.Json["blocks"]));
    }

    [Fact]
    public async Task OpenConversationSendsUserIdsAsAFormAndReturnsTheChannel()
    {
        await using var slack = await SlackApiHarness.StartAsync();
        slack.Api.ReplyOk("conversations.open", new JsonObject { ["channel"] = new JsonObject { ["id"] = "D9" } });

        var channel = await slack.Client.OpenConversationAsync(["U1", "U2"], None);

        Assert.Equal("D9", channel);
        var call = Assert.Single(slack.Api.Calls);
        Assert.Equal(FormContentType, call.ContentType);
        Assert.Equal($"Bearer {SlackApiHarness.BotToken}", call.Authorization);
        Assert.Equal("U1,U2", call.Form["users"]);
    }

    [Fact]
    public async Task ConversationMembersFollowsCursorsAcrossThreePages()
    {
        await using var slack = await SlackApiHarness.StartAsync();
        slack.Api
            .ReplyOk("conversations.members", Page(["U1", "U2"], next: "cursor-2"))
            .ReplyOk("conversations.members", Page(["U3"], next: "cursor-3"))
            .ReplyOk("conversations.members", Page(["U4", "UBOT"], next: ""));

        var members = await slack.Client.ConversationMembersAsync("C1", None);

        Assert.Equal(["U1", "U2", "U3", "U4", "UBOT"], members);
        var calls = slack.Api.CallsTo("conversations.members");
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c => Assert.Equal(FormContentType, c.ContentType));
        Assert.All(calls, c => Assert.Equal("200", c.Form["limit"]));
        Assert.All(calls, c => Assert.Equal("C1", c.Form["channel"]));
        Assert.False(calls[0].Form.ContainsKey("cursor"));
        Assert.Equal("cursor-2", calls[1].Form["cursor"]);
        Assert.Equal("cursor-3", calls[2].Form["cursor"]);
    }

    [Fact]
    public async Task ConversationMembersStopsWhenNextCursorIsMissing()
    {
        await using var slack = await SlackApiHarness.StartAsync();
        slack.Api.ReplyOk("conversations.members", new JsonObject { ["members"] = new JsonArray("U1") });

        var members = await slack.Client.ConversationMembersAsync("C1", None);

        Assert.Equal(["U1"], members);
        Assert.Single(slack.Api.Calls);
    }

    [Fact]
    public async Task UserInfoReadsNameTimeZoneAndFlags()
    {
        await using var slack = await SlackApiHarness.StartAsync();
        slack.Api.ReplyOk("users.info", new JsonObject
        {
            ["user"] = new JsonObject
            {
                ["id"] = "U1", ["name"] = "ada", ["real_name"] = "Ada Lovelace", ["tz"] = "Europe/London",
                ["is_bot"] = false, ["deleted"] = true,
            },
        });

        var user = await slack.Client.UserInfoAsync("U1", None);

        Assert.Equal(new SlackUser("U1", "ada", "Ada Lovelace", "Europe/London", IsBot: false, Deleted: true), user);
        var call = Assert.Single(slack.Api.Calls);
        Assert.Equal(FormContentType, call.ContentType);
        Assert.Equal("U1", call.Form["user"]);
    }

    [Fact]
    public async Task UserInfoWithoutTimeZoneOrRealNameFallsBack()
    {
        await using var slack = await SlackApiHarness.StartAsync();
        slack.Api.ReplyOk("users.info", new JsonObject
        {
            ["user"] = new JsonObject { ["id"] = "B1", ["name"] = "helper", ["tz"] = null, ["is_bot"] = true },
        });

        var user = await slack.Client.UserInfoAsync("B1", None);

        Assert.Equal(new SlackUser("B1", "helper", "helper", null, IsBot: true, Deleted: false), user);
    }

    [Fact]
    public async Task AuthTestReturnsTheBotsIdentity()
    {
        await using var slack = await SlackApiHarness.StartAsync();
        slack.Api.ReplyOk("auth.test", new JsonObject { ["user_id"] = "UBOT", ["bot_id"] = "B1", ["team_id"] = "T1", ["url"] = "https://x.slack.com/" });

        var me = await slack.Client.AuthTestAsync(None);

        Assert.Equal(new SlackIdentity("UBOT", "B1", "T1"), me);
        Assert.Equal(FormContentType, Assert.Single(slack.Api.Calls).ContentType);
    }

    [Fact]
    public async Task PublishViewSendsTheUserAndTheHomeView()
    {
        await using var slack = await SlackApiHarness.StartAsync();
        var view = new JsonObject { ["type"] = "home", ["blocks"] = new JsonArray() };

        await slack.Client.PublishViewAsync("U1", view, None);

        var call = Assert.Single(slack.Api.Calls);
        Assert.Equal("views.publish", call.Method);
        Assert.Equal(JsonContentType, call.ContentType);
        Assert.Equal("U1", (string?)call.Json["user_id"]);
        Assert.True(JsonNode.DeepEquals(view, call.Json["view"]));
    }

    [Fact]
    public async Task OpenViewSendsTheTriggerAndTheModal()
    {
        await using var slack = await SlackApiHarness.StartAsync();
        var view = new JsonObject { ["type"] = "modal", ["title"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Log" } };

        await slack.Client.OpenViewAsync("trigger-1", view, None);

        var call = Assert.Single(slack.Api.Calls);
        Assert.Equal("views.open", call.Method);
        Assert.Equal("trigger-1", (string?)call.Json["trigger_id"]);
        Assert.True(JsonNode.DeepEquals(view, call.Json["view"]));
    }

    [Fact]
    public async Task OpenSocketConnectionUsesTheAppTokenInTheHeaderAndNoArguments()
    {
        await using var slack = await SlackApiHarness.StartAsync();
        slack.Api.ReplyOk("apps.connections.open", new JsonObject { ["url"] = "wss://wss-primary.slack.com/link/?ticket=abc&app_id=A1" });

        var url = await slack.Client.OpenSocketConnectionAsync(None);

        Assert.Equal(new Uri("wss://wss-primary.slack.com/link/?ticket=abc&app_id=A1"), url);
        var call = Assert.Single(slack.Api.Calls);
        Assert.Equal($"Bearer {SlackApiHarness.AppToken}", call.Authorization);
        Assert.Equal("", call.Body);
    }

    [Fact]
    public async Task OpenSocketConnectionWithoutAnAppTokenNamesTheSetting()
    {
        await using var slack = await SlackApiHarness.StartAsync(o => o.AppToken = "");

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => slack.Client.OpenSocketConnectionAsync(None));

        Assert.Contains("Slack:AppToken", e.Message, StringComparison.Ordinal);
        Assert.Empty(slack.Api.Calls);
    }

    private static JsonObject Page(string[] members, string next) => new()
    {
        ["members"] = new JsonArray([.. members.Select(m => JsonValue.Create(m))]),
        ["response_metadata"] = new JsonObject { ["next_cursor"] = next },
    };
}
