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

public sealed class OnboardingApiTests : IAsyncLifetime
{
    private const string Key = "coordinator-key-for-tests";
    private readonly CoalitionBotApplication _app = new();
    private WebApplicationFactory<Program> _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = _app.WithWebHostBuilder(b => b.UseSetting("Admin:ApiKey", Key));
        _client = _host.CreateClient();
        await _host.Services.GetRequiredService<CoalitionBot.Knowledge.KnowledgeIndex>().WhenReadyAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task CoordinatorsSeeWhoIsWhereInWhichTrack()
    {
        var engine = _host.Services.GetRequiredService<ConversationEngine>();
        var first = await engine.ReplyToAsync(new IncomingMessage("slack", "U1", "D1", null, "onboard"), CancellationToken.None);
        var next = first.Buttons.Single(b => b.Action == ReplyActions.OnboardNext);
        await engine.OnboardingClickAsync(new IncomingMessage("slack", "U1", "D1", null, ""), next.Action, next.Value, CancellationToken.None);
        await engine.ReplyToAsync(new IncomingMessage("teams", "aad-2", "a:1", null, "start onboarding"), CancellationToken.None);

        var unauthorised = await _client.GetAsync("/api/onboarding");
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        var rows = await _client.GetFromJsonAsync<JsonElement>("/api/onboarding");

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
        Assert.Equal(2, rows.GetArrayLength());
        var slack = rows.EnumerateArray().Single(r => r.GetProperty("platform").GetString() == "slack");
        Assert.Equal("welcome", slack.GetProperty("track").GetString());
        Assert.Equal("in progress", slack.GetProperty("status").GetString());
        Assert.Equal(2, slack.GetProperty("step").GetInt32());
        Assert.Equal(6, slack.GetProperty("steps").GetInt32());
    }
}
