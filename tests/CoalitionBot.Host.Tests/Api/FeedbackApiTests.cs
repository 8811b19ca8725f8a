using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CoalitionBot.Conversation;
using CoalitionBot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Host.Tests.Api;

public sealed class FeedbackApiTests : IAsyncLifetime
{
    private const string Key = CoalitionBotApplication.AdminKey;
    private readonly AdminKeyHost _api = new();

    public Task InitializeAsync() => _api.InitializeAsync();

    public Task DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task CoordinatorsSeeRatedAnswersNewestFirst()
    {
        var engine = _api.Services.GetRequiredService<ConversationEngine>();
        var first = await engine.ReplyToAsync(new IncomingMessage("slack", "U1", "D1", null, "What can diaspora groups do in a crisis?"), CancellationToken.None);
        var second = await engine.ReplyToAsync(new IncomingMessage("teams", "U2", "C1", null, "What does an advocacy module contain?"), CancellationToken.None);
        await engine.RecordFeedbackAsync("slack", "U1", first.AnswerId.ToString()!, helpful: true, CancellationToken.None);
        await engine.RecordFeedbackAsync("teams", "U2", second.AnswerId.ToString()!, helpful: false, CancellationToken.None);
        _api.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);

        var all = await _api.Client.GetFromJsonAsync<JsonElement>("/api/feedback");
        var unhelpful = await _api.Client.GetFromJsonAsync<JsonElement>("/api/feedback?helpful=false");

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
        var none = await _api.Client.GetAsync("/api/feedback");
        var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/feedback");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-key");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.Client.SendAsync(wrong)).StatusCode);
        Assert.Contains("Bearer", (await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task WithoutAConfiguredKeyTheCoordinatorApiIsOff()
    {
        var client = _api.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);

        var response = await client.GetAsync("/api/feedback");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Admin:ApiKey", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }
}
