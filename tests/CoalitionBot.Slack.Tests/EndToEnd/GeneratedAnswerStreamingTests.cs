using CoalitionBot.Slack.Tests.Support;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Slack.Tests.EndToEnd;

/// <summary>
/// With a chat model (AI:ChatModel), the answer grows in a placeholder message: chat.update at
/// most once a second on the host's clock while the model streams, then the full reply's blocks.
/// </summary>
public sealed class GeneratedAnswerStreamingTests : IAsyncLifetime
{
    private const string Reply = "Diaspora groups can raise funds for humanitarian assistance [1]. They act as intermediaries with authorities [1]. They volunteer alongside other responders [1].";
    private static readonly TimeSpan PerPiece = TimeSpan.FromMilliseconds(300);
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private FakeSlack _slack = null!;
    private FakeModelServer _model = null!;
    private SlackHost _host = null!;

    public async Task InitializeAsync()
    {
        _model = await FakeModelServer.StartAsync();
        _model.Reply = _ => Reply;
        // A real model takes time per token: each streamed piece moves the host's clock on.
        _model.BeforePiece = _ => _clock.Advance(PerPiece);
        _slack = await FakeSlack.StartAsync();
        var settings = _model.Settings("OpenAI").Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!);
        _host = new SlackHost(_slack, settings: settings, time: _clock);
        await _host.StartAsync();
        await _slack.WaitForConnectionAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task GeneratedAnswerGrowsInAPlaceholderAtMostOnceASecondThenGetsItsBlocks()
    {
        await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(FakeSlack.DirectMessage("What can diaspora groups do in a crisis?", ts: "1764000000.000100")));

        var placeholder = await _slack.WaitForCallAsync("chat.postMessage");
        var final = await _slack.WaitForCallAsync("chat.update", c => c.Body["blocks"]!.AsArray().Count > 0);

        Assert.Equal("1764000000.000100", placeholder.Body["thread_ts"]!.GetValue<string>());
        var updates = _slack.Calls.Where(c => c.Method == "chat.update").ToList();
        var interim = updates.Where(c => c.Body["blocks"]!.AsArray().Count == 0).ToList();
        var pieces = (Reply.Length + 7) / 8;
        var streamed = PerPiece * pieces;
        Assert.NotEmpty(interim);
        Assert.InRange(interim.Count, 1, (int)Math.Ceiling(streamed.TotalSeconds));
        Assert.All(interim, u => Assert.StartsWith(u.Body["text"]!.GetValue<string>().TrimEnd(' ', '…'), Reply));
        Assert.Same(final, updates[^1]);
        Assert.Contains("raise funds for humanitarian assistance", final.Body["blocks"]!.ToJsonString());
        Assert.Contains("004_949f98561308b498.txt", final.Body["blocks"]!.ToJsonString());
        Assert.Single(_slack.Calls, c => c.Method == "chat.postMessage");
    }

    private static readonly System.Text.Json.JsonSerializerOptions Raw = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task MentionsAndLinksInStreamedTextAreShownNotActedOn()
    {
        // A model can repeat what a document or a question slipped in: @channel, a disguised link.
        _model.Reply = _ => "Diaspora groups <!channel> can help <https://attacker.example|the coalition's form> [1].";
        await _slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(FakeSlack.DirectMessage("What can diaspora groups do in a crisis?", ts: "1764000000.000200")));

        await _slack.WaitForCallAsync("chat.update", c => c.Body["blocks"]!.AsArray().Count > 0);

        var sent = _slack.Calls.Where(c => c.Method is "chat.update" or "chat.postMessage").Select(c => c.Body.ToJsonString(Raw)).ToList();
        Assert.Contains(sent, json => json.Contains("&lt;!channel&gt;", StringComparison.Ordinal));
        Assert.DoesNotContain(sent, json => json.Contains("<!channel>", StringComparison.Ordinal) || json.Contains("<https://attacker", StringComparison.Ordinal));
    }
}
