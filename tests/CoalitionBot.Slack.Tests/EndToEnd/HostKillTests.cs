using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Slack.Tests.Support;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Slack.Tests.EndToEnd;

/// <summary>
/// The host as a real process, killed with SIGKILL and started again on the same SQLite file: every
/// message of an action reaches the fake Slack exactly once. Real time, with wide margins: the only
/// test here that waits a minute, because a killed process cannot be given a fake clock.
/// </summary>
public sealed class HostKillTests : IAsyncLifetime
{
    private const string Key = "kill-test-key";
    private readonly TempFolder _data = new();
    private readonly TempFolder _seeds = TempFolder.WithSeeds();
    private FakeSlack _slack = null!;
    private HostProcess _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _host = new HostProcess(new Dictionary<string, string>
        {
            ["DataPath"] = _data.Path,
            ["Knowledge:SourceFolders:0"] = _seeds.Path,
            ["Slack:BotToken"] = "xoxb-kill-test",
            ["Slack:Mode"] = "Http",
            ["Slack:SigningSecret"] = "kill-test-secret",
            ["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl,
            ["Admin:ApiKey"] = Key,
            ["Reminders:PollInterval"] = "00:00:00.250",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
        _data.Dispose();
        _seeds.Dispose();
    }

    [Fact]
    public async Task EveryMessageArrivesExactlyOnceAcrossKillsAndRestarts()
    {
        using var api = new HttpClient { BaseAddress = _host.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        var created = await api.PostAsJsonAsync("/api/actions", new JsonObject
        {
            ["kind"] = "statement",
            ["title"] = "Statement on detention of children",
            ["deadline"] = deadline.ToString("O"),
            ["audience"] = new JsonArray(new JsonObject { ["platform"] = "slack", ["channel"] = "C0KILL" }),
            ["reminderOffsets"] = new JsonArray("PT40S", "PT20S"),
            ["coordinator"] = new JsonObject { ["platform"] = "slack", ["user"] = "UCOORD" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var minute = TimeSpan.FromSeconds(90);

        // Killed right after the broadcast, and again right after the first reminder.
        await _slack.WaitForCallAsync("chat.postMessage", IsTo("C0KILL", "Joint statement"), within: minute);
        await RestartAsync();
        await _slack.WaitForCallAsync("chat.postMessage", IsTo("C0KILL", "Reminder"), within: minute);
        await RestartAsync();
        await _slack.WaitForCallAsync("chat.postMessage", IsTo("C0KILL", "Reminder"), count: 2, within: minute);
        await _slack.WaitForCallAsync("chat.postMessage", c => Text(c).StartsWith("Closed", StringComparison.Ordinal), within: minute);

        // Nothing is left to send, so nothing more can come: the counts below are final.
        var view = await api.GetFromJsonAsync<JsonElement>($"/api/actions/{id}");
        var states = view.GetProperty("deliveries").EnumerateArray().Select(d => d.GetProperty("state").GetString()).ToList();
        Assert.All(states, s => Assert.Equal("sent", s));
        var posts = _slack.Calls.Where(c => c.Method == "chat.postMessage").Select(Text).ToList();
        Assert.Equal(1, posts.Count(p => p.StartsWith("Joint statement", StringComparison.Ordinal)));
        Assert.Equal(2, posts.Count(p => p.StartsWith("Reminder", StringComparison.Ordinal)));
        Assert.Equal(1, posts.Count(p => p.StartsWith("Closed", StringComparison.Ordinal)));
    }

    private async Task RestartAsync()
    {
        await _host.KillAsync();
        await _host.StartAsync();
    }

    private static Func<SlackCall, bool> IsTo(string channel, string start) =>
        c => c.Body["channel"]?.GetValue<string>() == channel && Text(c).StartsWith(start, StringComparison.Ordinal);

    private static string Text(SlackCall call) => call.Body["text"]?.GetValue<string>() ?? "";
}
