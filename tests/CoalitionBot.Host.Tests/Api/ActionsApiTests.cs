using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Actions;
using CoalitionBot.Host.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Host.Tests.Api;

public sealed class ActionsApiTests : IAsyncLifetime
{
    private const string Key = CoalitionBotApplication.AdminKey;
    private readonly CoalitionBotApplication _app = new();
    private WebApplicationFactory<Program> _host = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _host = _app.WithAdminKey();
        _client = _host.CreateClient();
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _app.DisposeAsync();
    }

    private static JsonObject NewAction(DateTimeOffset? deadline = null, string title = "Protection for migrants in transit — joint letter") => new()
    {
        ["kind"] = "sign-on",
        ["title"] = title,
        ["summary"] = "A joint letter to the EU on protection in transit.",
        ["link"] = "https://example.org/letter",
        ["deadline"] = (deadline ?? DateTimeOffset.UtcNow.AddDays(10)).ToString("O"),
        ["timeZone"] = "Europe/Brussels",
        ["audience"] = new JsonArray(new JsonObject { ["platform"] = "slack", ["channel"] = "C0123", ["dm"] = false }),
        ["reminderOffsets"] = new JsonArray("P3D", "P1D", "PT2H"),
    };

    [Fact]
    public async Task CoordinatorCreatesAnActionAndItsMessagesAreScheduled()
    {
        var response = await _client.PostAsJsonAsync("/api/actions", NewAction());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var action = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = action.GetProperty("id").GetString()!;
        Assert.StartsWith("/api/actions/act_", response.Headers.Location!.ToString());
        Assert.Equal("open", action.GetProperty("status").GetString());
        var kinds = action.GetProperty("deliveries").EnumerateArray().Select(d => d.GetProperty("kind").GetString()).ToList();
        Assert.Equal(1, kinds.Count(k => k == "action.broadcast"));
        Assert.Equal(3, kinds.Count(k => k == "action.reminder"));
        var listed = await _client.GetFromJsonAsync<JsonElement>("/api/actions");
        Assert.Contains(listed.EnumerateArray(), a => a.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task SignatoriesCsvListsOrganisationsThatSigned()
    {
        var id = (await (await _client.PostAsJsonAsync("/api/actions", NewAction())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var actions = _host.Services.GetRequiredService<ActionService>();
        await actions.RespondAsync(id, "slack", "U1", ActionAnswer.Signed, "Save the Children", "Ana Pérez", "Director", CancellationToken.None);
        await actions.RespondAsync(id, "teams", "U2", ActionAnswer.Signed, "HIAS, Inc.", "=cmd", "Advocacy lead", CancellationToken.None);
        await actions.RespondAsync(id, "slack", "U3", ActionAnswer.Declined, "Oxfam", null, null, CancellationToken.None);

        var csv = await _client.GetStringAsync($"/api/actions/{id}/signatories.csv");
        var view = await _client.GetFromJsonAsync<JsonElement>($"/api/actions/{id}");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("organisation,signer name,title,platform,answered at (UTC)", lines[0]);
        Assert.StartsWith("\"HIAS, Inc.\",'=cmd,Advocacy lead,teams,", lines[1]);
        Assert.StartsWith("Save the Children,Ana Pérez,Director,slack,", lines[2]);
        Assert.Equal(3, lines.Length);
        Assert.Equal(2, view.GetProperty("tally").GetProperty("signed").GetInt32());
        Assert.Equal(1, view.GetProperty("tally").GetProperty("declined").GetInt32());
    }

    [Fact]
    public async Task ClosingTwiceIs409AndClosedActionsTakeNoAnswers()
    {
        var id = (await (await _client.PostAsJsonAsync("/api/actions", NewAction())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var first = await _client.PostAsync($"/api/actions/{id}/close", null);
        var second = await _client.PostAsync($"/api/actions/{id}/close", null);
        var late = await _host.Services.GetRequiredService<ActionService>().RespondAsync(id, "slack", "U9", ActionAnswer.Signed, "Late NGO", null, null, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("closed", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(409, late!.Status);
    }

    [Theory]
    [InlineData("deadline", "2020-01-01T10:00:00+01:00", "already passed")]
    [InlineData("title", "", "title")]
    [InlineData("kind", "petition", "not a kind of action")]
    [InlineData("timeZone", "Mars/Olympus", "not a time zone")]
    [InlineData("link", "javascript:alert(1)", "not a web address")]
    public async Task BadActionIsA400ThatSaysWhyAndStoresNothing(string field, string value, string expected)
    {
        var body = NewAction();
        body[field] = value;

        var response = await _client.PostAsJsonAsync("/api/actions", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Empty((await _client.GetFromJsonAsync<JsonElement>("/api/actions")).EnumerateArray());
    }

    [Fact]
    public async Task BadOffsetsAndAudienceAreRefused()
    {
        var offsets = NewAction();
        offsets["reminderOffsets"] = new JsonArray("three days");
        var audience = NewAction();
        audience["audience"] = new JsonArray();
        var platform = NewAction();
        platform["audience"] = new JsonArray(new JsonObject { ["platform"] = "whatsapp", ["channel"] = "x" });

        foreach (var body in new[] { offsets, audience, platform })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsJsonAsync("/api/actions", body)).StatusCode);
        }
    }

    [Fact]
    public async Task UnknownActionIs404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/actions/act_nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/actions/act_nope/signatories.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync("/api/actions/act_nope/close", null)).StatusCode);
    }

    [Fact]
    public async Task WithoutTheKeyNothingIsCreated()
    {
        var anonymous = _host.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/actions", NewAction());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty((await _client.GetFromJsonAsync<JsonElement>("/api/actions")).EnumerateArray());
    }
}
