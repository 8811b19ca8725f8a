using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Slack.Tests.Support;

namespace CoalitionBot.Slack.Tests.EndToEnd;

/// <summary>The whole host in HTTP mode: Slack's signed POSTs in, Web API calls out to the fake.</summary>
public sealed class HttpModeTests : IAsyncLifetime
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private FakeSlack _slack = null!;
    private SlackHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _host = new SlackHost(_slack, mode: "Http", signingSecret: Secret);
        _client = await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private static HttpRequestMessage SignedEvent(JsonObject body, DateTimeOffset? at = null, int? retryNum = null) =>
        SlackSigner.Signed("/slack/events", body.ToJsonString(), "application/json", Secret, at ?? DateTimeOffset.UtcNow, retryNum);

    [Fact]
    public async Task UrlVerificationReturnsTheChallenge()
    {
        var body = new JsonObject { ["token"] = "x", ["challenge"] = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", ["type"] = "url_verification" };

        var response = await _client.SendAsync(SignedEvent(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", json.GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task SignedEventIsAckedAndAnsweredInItsThread()
    {
        var response = await _client.SendAsync(SignedEvent(FakeSlack.EventCallback(FakeSlack.DirectMessage("What can diaspora groups do in a crisis?", ts: "1764000000.000900"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = await _slack.WaitForCallAsync("chat.postMessage");
        Assert.Equal("1764000000.000900", post.Body["thread_ts"]!.GetValue<string>());
        Assert.Contains("004_949f98561308b498.txt", post.Body["blocks"]!.ToJsonString());
    }

    [Fact]
    public async Task WrongUnsignedAndStaleRequestsAre401AndCauseNothing()
    {
        var body = FakeSlack.EventCallback(FakeSlack.DirectMessage("What can diaspora groups do in a crisis?", channel: "DFORGED")).ToJsonString();
        var wrong = SlackSigner.Signed("/slack/events", body, "application/json", "not-the-secret", DateTimeOffset.UtcNow);
        var unsigned = SlackSigner.Unsigned("/slack/events", body, "application/json");
        var stale = SlackSigner.Signed("/slack/events", body, "application/json", Secret, DateTimeOffset.UtcNow.AddMinutes(-6));
        var tampered = SlackSigner.Signed("/slack/events", body, "application/json", Secret, DateTimeOffset.UtcNow);
        tampered.Content = new StringContent(body.Replace("DFORGED", "DFORGED2", StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json");

        foreach (var request in new[] { wrong, unsigned, stale, tampered })
        {
            var response = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("signature", await response.Content.ReadAsStringAsync());
        }

        // A genuine request afterwards is answered; the forged ones never were.
        await _client.SendAsync(SignedEvent(FakeSlack.EventCallback(FakeSlack.DirectMessage("What does the Spotlight on the EU do?", channel: "DREAL"))));
        await _slack.WaitForCallAsync("chat.postMessage", c => c.Body["channel"]!.GetValue<string>() == "DREAL");
        Assert.DoesNotContain(_slack.Calls, c => c.Method == "chat.postMessage" && c.Body["channel"]!.GetValue<string>().StartsWith("DFORGED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RetriedDeliveryIsAnsweredOnce()
    {
        var callback = FakeSlack.EventCallback(FakeSlack.DirectMessage("What can diaspora groups do in a crisis?", channel: "DRETRY"), eventId: "Ev0HTTPRETRY");

        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(SignedEvent(callback))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(SignedEvent(callback, retryNum: 1))).StatusCode);
        await _client.SendAsync(SignedEvent(FakeSlack.EventCallback(FakeSlack.DirectMessage("What does the Spotlight on the EU do?", channel: "DLATER"))));
        await _slack.WaitForCallAsync("chat.postMessage", c => c.Body["channel"]!.GetValue<string>() == "DLATER");
        await _slack.WaitForCallAsync("chat.postMessage", c => c.Body["channel"]!.GetValue<string>() == "DRETRY");

        Assert.Single(_slack.Calls, c => c.Method == "chat.postMessage" && c.Body["channel"]!.GetValue<string>() == "DRETRY");
    }

    [Fact]
    public async Task MalformedSignedBodyIs400()
    {
        var response = await _client.SendAsync(SlackSigner.Signed("/slack/events", "{not json", "application/json", Secret, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SlashCommandOverHttpAcksWithinTheResponseAndAnswersLater()
    {
        var form = $"command=%2Fcoalition&text=ask+What+does+an+advocacy+module+contain%3F&user_id=U123&channel_id=C0123&response_url={Uri.EscapeDataString(_slack.ResponseUrl("http-ask"))}&trigger_id=1.2.3";

        var response = await _client.SendAsync(SlackSigner.Signed("/slack/commands", form, "application/x-www-form-urlencoded", Secret, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Looking that up", await response.Content.ReadAsStringAsync());
        var answer = await _slack.WaitForCallAsync("response_url:http-ask");
        Assert.Contains("003_d7f48822047bd3f1.txt", answer.Body["blocks"]!.ToJsonString());
    }

    [Fact]
    public async Task ButtonClickOverHttpIsHandled()
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "U123" },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1764000100.000001", ["channel_id"] = "DBTN", ["is_ephemeral"] = false },
            ["message"] = new JsonObject { ["ts"] = "1764000100.000001" },
            ["response_url"] = _slack.ResponseUrl("btn"),
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "ask_question:0", ["value"] = "What is the common goal of the alliance?" }),
        };
        var form = "payload=" + Uri.EscapeDataString(payload.ToJsonString());

        var response = await _client.SendAsync(SlackSigner.Signed("/slack/interactivity", form, "application/x-www-form-urlencoded", Secret, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = await _slack.WaitForCallAsync("chat.postMessage", c => c.Body["channel"]!.GetValue<string>() == "DBTN");
        Assert.Equal("1764000100.000001", post.Body["thread_ts"]!.GetValue<string>());
    }
}
