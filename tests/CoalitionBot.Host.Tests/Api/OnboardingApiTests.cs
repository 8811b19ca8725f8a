using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CoalitionBot.Conversation;
using CoalitionBot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Host.Tests.Api;

public sealed class OnboardingApiTests : IAsyncLifetime
{
    private const string Key = CoalitionBotApplication.AdminKey;
    private readonly AdminKeyHost _api = new();

    public Task InitializeAsync() => _api.InitializeAsync();

    public Task DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task CoordinatorsSeeWhoIsWhereInWhichTrack()
    {
        var engine = _api.Services.GetRequiredService<ConversationEngine>();
        var first = await engine.ReplyToAsync(new IncomingMessage("slack", "U1", "D1", null, "onboard"), CancellationToken.None);
        var next = first.Buttons.Single(b => b.Action == ReplyActions.OnboardNext);
        await engine.OnboardingClickAsync(new IncomingMessage("slack", "U1", "D1", null, ""), next.Action, next.Value, CancellationToken.None);
        await engine.ReplyToAsync(new IncomingMessage("teams", "aad-2", "a:1", null, "start onboarding"), CancellationToken.None);

        var unauthorised = await _api.Client.GetAsync("/api/onboarding");
        _api.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        var rows = await _api.Client.GetFromJsonAsync<JsonElement>("/api/onboarding");

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
        Assert.Equal(2, rows.GetArrayLength());
        var slack = rows.EnumerateArray().Single(r => r.GetProperty("platform").GetString() == "slack");
        Assert.Equal("welcome", slack.GetProperty("track").GetString());
        Assert.Equal("in progress", slack.GetProperty("status").GetString());
        Assert.Equal(2, slack.GetProperty("step").GetInt32());
        Assert.Equal(6, slack.GetProperty("steps").GetInt32());
    }
}
