using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Slack.Tests.Support;

namespace CoalitionBot.Slack.Tests.EndToEnd;

/// <summary>An action created through the coordinators' API is broadcast to its Slack channel by the delivery worker.</summary>
public sealed class ActionBroadcastTests : IAsyncLifetime
{
    private const string Key = "coordinator-key";
    private FakeSlack _slack = null!;
    private SlackHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _host = new SlackHost(_slack, mode: "Http", signingSecret: "secret", settings: new Dictionary<string, string>
        {
            ["Admin:ApiKey"] = Key,
            ["Reminders:PollInterval"] = "00:00:00.200",
        });
        _client = await _host.StartAsync();
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task NewActionIsBroadcastOnceToItsChannelWithTheThreeButtons()
    {
        var body = new JsonObject
        {
            ["kind"] = "sign-on",
            ["title"] = "Protection for migrants in transit — joint letter",
            ["summary"] = "Please sign by Friday.",
            ["deadline"] = DateTimeOffset.UtcNow.AddDays(5).ToString("O"),
            ["timeZone"] = "America/Guatemala",
            ["audience"] = new JsonArray(new JsonObject { ["platform"] = "slack", ["channel"] = "C0ACTION" }),
        };

        var created = await _client.PostAsJsonAsync("/api/actions", body);
        var post = await _slack.WaitForCallAsync("chat.postMessage", c => c.Body["channel"]!.GetValue<string>() == "C0ACTION");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("Protection for migrants in transit", post.Body["text"]!.GetValue<string>());
        Assert.Contains("(America/Guatemala)", post.Body["text"]!.GetValue<string>());
        var blocks = post.Body["blocks"]!.ToJsonString();
        var deadline = DateTimeOffset.Parse(body["deadline"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"date^{deadline.ToUnixTimeSeconds()}^{{date_long_pretty}}", System.Text.RegularExpressions.Regex.Unescape(blocks));
        Assert.Contains("action_sign", blocks);
        Assert.Contains("action_decline", blocks);
        Assert.Contains("action_later", blocks);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal("sent", await BroadcastStateAsync(id!, until: "sent"));
        Assert.Single(_slack.Calls, c => c.Method == "chat.postMessage" && c.Body["channel"]!.GetValue<string>() == "C0ACTION");
    }

    [Fact]
    public async Task DmAudienceAsksEachMemberButNotTheBot()
    {
        var body = new JsonObject
        {
            ["title"] = "Statement on family reunification",
            ["deadline"] = DateTimeOffset.UtcNow.AddDays(5).ToString("O"),
            ["audience"] = new JsonArray(new JsonObject { ["platform"] = "slack", ["channel"] = "C0DM", ["dm"] = true }),
            ["reminderOffsets"] = new JsonArray("P1D"),
        };

        var created = await _client.PostAsJsonAsync("/api/actions", body);
        await _slack.WaitForCallAsync("chat.postMessage", c => c.Body["channel"]!.GetValue<string>() == "C0DM");
        await _slack.WaitForCallAsync("conversations.open", count: 2);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var opened = _slack.Calls.Where(c => c.Method == "conversations.open").Select(c => c.Body["users"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["U1", "U2"], opened);
        var view = await created.Content.ReadFromJsonAsync<JsonElement>();
        var kinds = view.GetProperty("deliveries").EnumerateArray().Select(d => d.GetProperty("kind").GetString()).ToList();
        Assert.Equal(2, kinds.Count(k => k == "action.member-reminder"));
    }

    [Fact]
    public async Task ChannelTheBotIsNotInIsA400AndNothingIsStored()
    {
        _slack.Script("conversations.members", 200, """{"ok":false,"error":"not_in_channel"}""");
        var body = new JsonObject
        {
            ["title"] = "Statement",
            ["deadline"] = DateTimeOffset.UtcNow.AddDays(5).ToString("O"),
            ["audience"] = new JsonArray(new JsonObject { ["platform"] = "slack", ["channel"] = "C0OUT", ["dm"] = true }),
        };

        var response = await _client.PostAsJsonAsync("/api/actions", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invite it first", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Empty((await _client.GetFromJsonAsync<JsonElement>("/api/actions")).EnumerateArray());
    }

    /// <summary>The broadcast's state as the API reports it, read until it is <paramref name="until"/> (the worker marks it just after posting) or 10 s pass.</summary>
    private async Task<string?> BroadcastStateAsync(string id, string until)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var view = await _client.GetFromJsonAsync<JsonElement>($"/api/actions/{id}");
            var state = view.GetProperty("deliveries").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "action.broadcast").GetProperty("state").GetString();
            if (state == until || timeout.IsCancellationRequested)
            {
                return state;
            }
            await Task.Delay(50, CancellationToken.None);
        }
    }
}

/// <summary>A bot token alone (no app token, no mode) is enough for the bot to send: broadcasts go out over HTTP.</summary>
public sealed class BotTokenOnlyTests
{
    [Fact]
    public async Task ActionsAreBroadcastWithOnlyABotToken()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = new SlackHost(slack, mode: null, appToken: false, settings: new Dictionary<string, string>
        {
            ["Admin:ApiKey"] = "key",
            ["Reminders:PollInterval"] = "00:00:00.200",
        });
        var client = await host.StartAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "key");

        var created = await client.PostAsJsonAsync("/api/actions", new JsonObject
        {
            ["title"] = "Statement on family reunification",
            ["deadline"] = DateTimeOffset.UtcNow.AddDays(5).ToString("O"),
            ["audience"] = new JsonArray(new JsonObject { ["platform"] = "slack", ["channel"] = "C0ONLY" }),
        });
        await slack.WaitForCallAsync("chat.postMessage", c => c.Body["channel"]!.GetValue<string>() == "C0ONLY");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.DoesNotContain(slack.Calls, c => c.Method == "apps.connections.open");
    }
}
