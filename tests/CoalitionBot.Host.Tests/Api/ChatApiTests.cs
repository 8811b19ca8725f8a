using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoalitionBot.Host.Tests.Support;

namespace CoalitionBot.Host.Tests.Api;

/// <summary>The local web chat's conversation: follow-ups, next questions and the tour, as a browser drives them.</summary>
public sealed class ChatApiTests : IAsyncLifetime
{
    private readonly CoalitionBotApplication _app = new();
    private readonly string _browser = Guid.NewGuid().ToString();
    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = await _app.ReadyClientAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<JsonElement> SayAsync(object body)
    {
        var response = await _client.PostAsJsonAsync("/api/chat", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Button(JsonElement reply, string action) =>
        reply.GetProperty("buttons").EnumerateArray().First(b => b.GetProperty("action").GetString() == action);

    [Fact]
    public async Task AFollowUpInTheSameBrowserReadsThePreviousQuestion()
    {
        var first = await SayAsync(new { conversation = _browser, text = "What can civil society do to help migrants in a crisis?" });
        var followUp = await SayAsync(new { conversation = _browser, text = "what about children?" });
        var next = Button(followUp, "ask_question");
        var asked = await SayAsync(new { conversation = _browser, button = next });

        Assert.Equal("answer", first.GetProperty("kind").GetString());
        Assert.Contains("child", followUp.GetProperty("answer").GetProperty("citations")[0].GetProperty("passage").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(asked.GetProperty("answer").GetProperty("found").GetBoolean());
    }

    [Fact]
    public async Task TheTourIsWalkedWithItsButtons()
    {
        var first = await SayAsync(new { conversation = _browser, text = "onboard" });
        var second = await SayAsync(new { conversation = _browser, button = Button(first, "onboard_next") });
        var back = await SayAsync(new { conversation = _browser, button = Button(second, "onboard_back") });

        Assert.Equal("onboarding", first.GetProperty("kind").GetString());
        Assert.Contains("step 1 of 6", first.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("step 2 of 6", second.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("step 1 of 6", back.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(second.GetProperty("answer").GetProperty("citations").EnumerateArray());
    }

    [Theory]
    [InlineData("""{"text":"What is the common goal?"}""", "conversation id")]
    [InlineData("""{"conversation":"b1","text":""}""", "type a question")]
    [InlineData("""{"conversation":"b1","text":"{{TOO_LONG}}"}""", "keep it under")]
    public async Task BadInputIsA400WithAClearMessage(string body, string message)
    {
        var response = await _client.PostAsync("/api/chat", new StringContent(body.Replace("{{TOO_LONG}}", new string('x', 50_000), StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnUnknownButtonIsAnsweredNotCrashedOn()
    {
        var reply = await SayAsync(new { conversation = _browser, button = new { action = "launch_rockets", value = "now" } });

        Assert.Equal("problem", reply.GetProperty("kind").GetString());
        Assert.Contains("don't know that button", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}
