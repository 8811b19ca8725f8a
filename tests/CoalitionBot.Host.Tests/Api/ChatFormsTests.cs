using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoalitionBot.Actions;
using CoalitionBot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Host.Tests.Api;

/// <summary>
/// Joint actions in the web chat, as chat.js drives them: the commands answer as in Slack and Teams, "Sign on" brings
/// Core's form, its errors come back beside the fields with the values kept, and a complete form is recorded once.
/// </summary>
public sealed class ChatFormsTests : IAsyncLifetime
{
    private readonly CoalitionBotApplication _app = new();
    private readonly string _browser = Guid.NewGuid().ToString();
    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = await _app.ReadyClientAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SignOnShowsTheFormItsErrorsAndThenRecordsTheSignature()
    {
        var id = await ActionAsync();

        var list = await SayAsync(new { conversation = _browser, text = "actions" });
        Assert.Contains($"Joint letter ({id})", list.GetProperty("text").GetString(), StringComparison.Ordinal);

        var opened = await SayAsync(new { conversation = _browser, button = new { label = "Sign on for my organisation", action = "action_sign", value = id } });
        var form = opened.GetProperty("form");
        Assert.Equal("form", opened.GetProperty("kind").GetString());
        Assert.Equal(["organisation", "name", "title"], form.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Equal(0, opened.GetProperty("buttons").GetArrayLength());

        var incomplete = await SayAsync(Submit(form, new() { ["organisation"] = "Save the Children", ["name"] = " " }));
        var fields = incomplete.GetProperty("form").GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        Assert.Equal(ActionForms.MissingSigner, fields["name"].GetProperty("error").GetString());
        Assert.Equal("Save the Children", fields["organisation"].GetProperty("value").GetString());
        Assert.Equal(0, (await Actions.GetAsync(id, CancellationToken.None))!.Tally.Signed);

        var signed = await SayAsync(Submit(form, new() { ["organisation"] = "Save the Children", ["name"] = "Ana Pérez", ["title"] = "Director" }));

        Assert.Equal("Thank you: Save the Children is on the list. You can change your answer until the deadline.", signed.GetProperty("text").GetString());
        Assert.Equal(1, (await Actions.GetAsync(id, CancellationToken.None))!.Tally.Signed);
        var status = await SayAsync(new { conversation = _browser, text = $"action status {id}" });
        Assert.Contains("• Save the Children: signed", status.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewActionIsForSlackAndTeamsWhereItsAudienceIs()
    {
        var reply = await SayAsync(new { conversation = _browser, text = "action new" });

        Assert.Equal(ActionInteractions.NotHere, reply.GetProperty("text").GetString());
        Assert.False(reply.TryGetProperty("form", out var form) && form.ValueKind != JsonValueKind.Null);
    }

    [Theory]
    [InlineData("""{ "conversation": "b1", "form": { "state": "x", "values": {} } }""")]
    [InlineData("""{ "conversation": "b1", "form": { "id": "nonsense", "values": {} } }""")]
    public async Task AFormSubmitThatNamesNoFormGetsAClearAnswerAndChangesNothing(string body)
    {
        var response = await _client.PostAsync("/api/chat", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var reply = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Equal("problem", reply.GetProperty("kind").GetString());
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("form", reply.GetProperty("error").GetString(), StringComparison.Ordinal);
        }
        Assert.Empty(await Actions.ListAsync(CancellationToken.None));
    }

    private ActionService Actions => _app.Services.GetRequiredService<ActionService>();

    /// <summary>An action the API created for a Slack channel (the web chat is no audience), open for a week.</summary>
    private async Task<string> ActionAsync()
    {
        var time = _app.Services.GetRequiredService<TimeProvider>();
        var request = new NewAction("sign-on", "Joint letter", "Please sign.", null, time.GetUtcNow().AddDays(7), "Europe/Brussels", [new NewAudience("slack", "C0ACT", null)], ["P1D"]);
        var (action, problem) = await Actions.CreateAsync(request, "test", CancellationToken.None);
        Assert.Null(problem);
        return action!.Id;
    }

    private object Submit(JsonElement form, Dictionary<string, string> values) => new
    {
        conversation = _browser,
        form = new { id = form.GetProperty("id").GetString(), state = form.GetProperty("state").GetString(), values, requestId = "r1" },
    };

    private async Task<JsonElement> SayAsync(object body)
    {
        var response = await _client.PostAsJsonAsync("/api/chat", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
