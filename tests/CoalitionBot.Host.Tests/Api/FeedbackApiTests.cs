using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CoalitionBot.Conversation;
using CoalitionBot.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Host.Tests.Api;

public sealed class FeedbackApiTests : IAsyncLifetime
{
    private const string Key = "coordinator-key-for-tests";
    private readonly CoalitionBotApplication _app = new();
    private WebApplicationFactory<Program> _withKey = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _withKey = _app.WithWebHostBuilder(b => b.UseSetting("Admin:ApiKey", Key));
        _client = _withKey.CreateClient();
        await _withKey.Services.GetRequiredService<CoalitionBot.Knowledge.KnowledgeIndex>().WhenReadyAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _withKey.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task CoordinatorsSeeRatedAnswersNewestFirst()
    {
        var engine = _withKey.Services.GetRequiredService<ConversationEngine>();
        var first = await engine.ReplyToAsync(new IncomingMessage("slack", "U1", "D1", null, "What can diaspora groups do in a crisis?"), CancellationToken.None);
        var second = await engine.ReplyToAsync(new IncomingMessage("teams", "U2", "C1", null, "What does an advocacy module contain?"), CancellationToken.None);
        await engine.RecordFeedbackAsync("slack", "U1", first.AnswerId.ToString()!, helpful: true, CancellationToken.None);
        await engine.RecordFeedbackAsync("teams", "U2", second.AnswerId.ToString()!, helpful: false, CancellationToken.None);
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);

        var all = await _client.GetFromJsonAsync<JsonElement>("/api/feedback");
        var unhelpful = await _client.GetFromJsonAsync<JsonElement>("/api/feedback?helpful=false");

        Assert.Equal(2, all.GetArrayLength());
        Assert.Equal("What does an advocacy module contain?", all[0].GetProperty("question").GetString());
        Assert.Contains("004_949f98561308b498.txt", all[1].GetProperty("documents").EnumerateArray().Select(d => d.GetString()));
        var only = Assert.Single(unhelpful.EnumerateArray());
        Assert.False(only.GetProperty("helpful").GetBoolean());
        Assert.Equal("U2", only.GetProperty("userId").GetString());
    }

    [Fact]
    public async Task NoKeyIs401AndAWrongKeyIs403()
    {
        var none = await _client.GetAsync("/api/feedback");
        var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/feedback");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-key");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.SendAsync(wrong)).StatusCode);
        Assert.Contains("Bearer", (await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task WithoutAConfiguredKeyTheCoordinatorApiIsOff()
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);

        var response = await client.GetAsync("/api/feedback");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Admin:ApiKey", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }
}
