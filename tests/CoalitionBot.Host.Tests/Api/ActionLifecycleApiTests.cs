using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Host.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoalitionBot.Host.Tests.Api;

/// <summary>Scheduling, editing, cancelling and retrying through the real HTTP endpoints.</summary>
public sealed class ActionLifecycleApiTests : IAsyncLifetime
{
    private readonly CoalitionBotApplication _app = new();
    private WebApplicationFactory<Program> _host = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _host = _app.WithAdminKey();
        _client = _host.CreateClient();
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CoalitionBotApplication.AdminKey);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _app.DisposeAsync();
    }

    private async Task<JsonElement> CreateAsync(DateTimeOffset? sendAt = null)
    {
        var body = new JsonObject
        {
            ["kind"] = "sign-on", ["title"] = "Joint letter", ["deadline"] = DateTimeOffset.UtcNow.AddDays(10).ToString("O"),
            ["timeZone"] = "Europe/Brussels",
            ["audience"] = new JsonArray(new JsonObject { ["platform"] = "slack", ["channel"] = "C0123" }),
        };
        if (sendAt is { } at)
        {
            body["sendAt"] = at.ToString("O");
        }
        var response = await _client.PostAsJsonAsync("/api/actions", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static HttpRequestMessage Patch(string path, object body) => new(HttpMethod.Patch, path) { Content = JsonContent.Create(body) };

    [Fact]
    public async Task AnActionWithASendTimeIsScheduledAndItsBroadcastDueThen()
    {
        var sendAt = DateTimeOffset.UtcNow.AddDays(1);

        var action = await CreateAsync(sendAt);

        Assert.Equal("scheduled", action.GetProperty("state").GetString());
        Assert.Equal("open", action.GetProperty("status").GetString());
        var broadcast = action.GetProperty("deliveries").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "action.broadcast");
        Assert.Equal(sendAt.ToUnixTimeSeconds(), broadcast.GetProperty("dueAt").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.True(broadcast.GetProperty("id").GetInt64() > 0);
    }

    [Fact]
    public async Task EditingChangesTheActionAndBadEditsChangeNothing()
    {
        var id = (await CreateAsync()).GetProperty("id").GetString()!;
        var newDeadline = DateTimeOffset.UtcNow.AddDays(20);

        var huge = await _client.SendAsync(Patch($"/api/actions/{id}", new { title = new string('x', 10 * 1024 * 1024) }));
        var past = await _client.SendAsync(Patch($"/api/actions/{id}", new { deadline = "2020-01-01T10:00:00+01:00" }));
        var unknown = await _client.SendAsync(Patch("/api/actions/act_nope", new { title = "x" }));
        var edited = await _client.SendAsync(Patch($"/api/actions/{id}", new { title = "Joint letter (revised)", deadline = newDeadline }));

        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("keep it under 200", (await huge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var view = await _client.GetFromJsonAsync<JsonElement>($"/api/actions/{id}");
        Assert.Equal("Joint letter (revised)", view.GetProperty("title").GetString());
        Assert.Equal(newDeadline.ToUnixTimeSeconds(), view.GetProperty("deadline").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Contains(view.GetProperty("deliveries").EnumerateArray(), d => d.GetProperty("state").GetString() == "skipped" && d.GetProperty("error").GetString() == "re-timed: the deadline moved");
    }

    [Fact]
    public async Task CancellingTwiceIs409AndTheActionSaysCancelled()
    {
        var id = (await CreateAsync()).GetProperty("id").GetString()!;

        var first = await _client.PostAsync($"/api/actions/{id}/cancel", null);
        var second = await _client.PostAsync($"/api/actions/{id}/cancel", null);
        var edit = await _client.SendAsync(Patch($"/api/actions/{id}", new { title = "x" }));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var cancelled = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("cancelled", "closed"), (cancelled.GetProperty("state").GetString(), cancelled.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync("/api/actions/act_nope/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task OnlyAFailedDeliveryCanBeRetried()
    {
        var action = await CreateAsync(DateTimeOffset.UtcNow.AddDays(1));
        var id = action.GetProperty("id").GetString()!;
        var pending = action.GetProperty("deliveries")[0].GetProperty("id").GetInt64();

        var notFailed = await _client.PostAsync($"/api/actions/{id}/deliveries/{pending}/retry", null);
        var unknown = await _client.PostAsync($"/api/actions/{id}/deliveries/999999/retry", null);

        Assert.Equal(HttpStatusCode.Conflict, notFailed.StatusCode);
        Assert.Contains("only a failed delivery", (await notFailed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
