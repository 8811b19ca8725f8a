using System.Globalization;
using System.Text.Json.Nodes;
using CoalitionBot.Actions;
using CoalitionBot.Slack.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Slack.Tests.EndToEnd;

/// <summary>
/// A joint action from start to close over Socket Mode: a coordinator creates it with the slash
/// command and the modal, members answer with the buttons, the reminder reaches exactly those who
/// have not answered, and the summary reaches the coordinator. The clock jumps to each due time.
/// </summary>
public sealed class ActionJourneyTests : IAsyncLifetime
{
    private const string Coordinator = "UCOORD";
    private readonly ShiftedTimeProvider _time = new();
    private FakeSlack _slack = null!;
    private SlackHost _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _host = new SlackHost(_slack, settings: new Dictionary<string, string>
        {
            ["Actions:Coordinators:Slack:0"] = Coordinator,
            ["Reminders:PollInterval"] = "00:00:00.100",
        }, time: _time);
        await _host.StartAsync();
        await _slack.WaitForConnectionAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private ActionService Actions => _host.Services.GetRequiredService<ActionService>();

    [Fact]
    public async Task CoordinatorCreatesMembersAnswerNonRespondersAreRemindedAndTheSummaryComesBack()
    {
        _slack.Script("users.info", 200, """{"ok":true,"user":{"id":"UCOORD","name":"coord","tz":"America/Guatemala"}}""");
        _slack.Script("conversations.members", 200, """{"ok":true,"members":["U1","U2","U3","UBOT"],"response_metadata":{"next_cursor":""}}""");

        // The coordinator types the command; the form opens, reading the deadline in their zone.
        await _slack.SendEnvelopeAsync("slash_commands", Command("action new"), acceptsResponsePayload: true);
        var form = (await _slack.WaitForCallAsync("views.open")).Body["view"]!.AsObject();
        Assert.Equal("action_new", form["callback_id"]!.GetValue<string>());
        Assert.Contains("America/Guatemala", form.ToJsonString());

        // Submitting it pushes the confirmation: the deadline as read, in their zone.
        var day = _time.GetUtcNow().AddDays(10);
        var submitted = await _slack.SendEnvelopeAsync("interactive", FormSubmission(form, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 17:00"), acceptsResponsePayload: true);
        await _slack.WaitForAckAsync(submitted);
        var ack = JsonNode.Parse(_slack.Acks.Single(a => a.Contains(submitted, StringComparison.Ordinal)))!["payload"]!;
        Assert.Equal("push", ack["response_action"]!.GetValue<string>());
        var confirm = ack["view"]!.AsObject();
        Assert.Contains(day.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture) + ", 17:00 (America/Guatemala)", confirm["blocks"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(await Actions.ListAsync(CancellationToken.None));

        // "Create and send": the modal clears, the request goes to the channel and to each member.
        var confirmed = await _slack.SendEnvelopeAsync("interactive", ConfirmSubmission(confirm), acceptsResponsePayload: true);
        await _slack.WaitForAckAsync(confirmed);
        Assert.Contains("\"response_action\":\"clear\"", _slack.Acks.Single(a => a.Contains(confirmed, StringComparison.Ordinal)));
        await _slack.WaitForCallAsync("chat.postMessage", c => Text(c).StartsWith("Created", StringComparison.Ordinal));
        var action = Assert.Single(await Actions.ListAsync(CancellationToken.None));
        Assert.Equal(new DateTimeOffset(day.Year, day.Month, day.Day, 17, 0, 0, TimeSpan.FromHours(-6)), action.Deadline);
        await _slack.WaitForCallAsync("chat.postMessage", c => Channel(c) == "C0ACT" && Text(c).Contains("Joint letter on transit", StringComparison.Ordinal));
        foreach (var member in new[] { "U1", "U2", "U3" })
        {
            await _slack.WaitForCallAsync("chat.postMessage", c => Channel(c) == "D" + member);
        }

        // A double click on "Create and send" creates nothing more.
        await _slack.SendEnvelopeAsync("interactive", ConfirmSubmission(confirm), acceptsResponsePayload: true);
        await _slack.WaitForCallAsync("chat.postMessage", c => Text(c).Contains("already created", StringComparison.Ordinal));
        Assert.Single(await Actions.ListAsync(CancellationToken.None));

        // U1 signs for an organisation through the modal, U2 declines; U3 says nothing.
        await _slack.SendEnvelopeAsync("interactive", SignSubmission(action.Id, "U1"), acceptsResponsePayload: true);
        await _slack.SendEnvelopeAsync("interactive", Click("action_decline", action.Id, "U2"), acceptsResponsePayload: true);
        await _slack.WaitForCallAsync("chat.postEphemeral", c => Text(c).Contains("Save the Children", StringComparison.Ordinal));
        await _slack.WaitForCallAsync("response_url:decline");

        // One day before the deadline: one reminder in the channel, a DM to U3 alone.
        var before = _slack.Calls.Count;
        _time.SetUtcNow(action.Deadline.AddDays(-1).AddMinutes(1));
        await _slack.WaitForCallAsync("chat.postMessage", c => Channel(c) == "C0ACT" && Text(c).StartsWith("Reminder", StringComparison.Ordinal));
        // That is 23:01 for U3 (zone unknown: UTC), in quiet hours: the DM reminder waits for 09:00 their time.
        Assert.DoesNotContain(_slack.Calls.Skip(before), c => c.Method == "chat.postMessage" && Channel(c) == "DU3");
        _time.SetUtcNow(new DateTimeOffset(action.Deadline.UtcDateTime.Date.AddHours(9).AddMinutes(1), TimeSpan.Zero));
        await _slack.WaitForCallAsync("chat.postMessage", c => Channel(c) == "DU3", count: 2);

        // Past the deadline: the summary goes to the coordinator.
        _time.SetUtcNow(action.Deadline.AddMinutes(1));
        var summary = await _slack.WaitForCallAsync("chat.postMessage", c => Text(c).StartsWith("Closed", StringComparison.Ordinal));
        Assert.Contains("1 organisation signed, 1 declined, 1 member asked directly did not answer.", Text(summary), StringComparison.Ordinal);
        Assert.Contains("Save the Children — Ana Pérez, Director", Text(summary), StringComparison.Ordinal);
        var after = _slack.Calls.Skip(before).ToList();
        Assert.Equal(["C0ACT", "DU3", "D" + Coordinator], after.Where(c => c.Method == "chat.postMessage").Select(Channel).Order().ToList());
    }

    [Fact]
    public async Task MembersWhoAreNotCoordinatorsCannotCreateOrClose()
    {
        var id = await _slack.SendEnvelopeAsync("slash_commands", Command("action new", user: "U5"), acceptsResponsePayload: true);
        var close = await _slack.SendEnvelopeAsync("slash_commands", Command("action close act_0123456789", user: "U5"), acceptsResponsePayload: true);
        await _slack.WaitForAckAsync(id);
        await _slack.WaitForAckAsync(close);

        Assert.All(_slack.Acks.Where(a => a.Contains(id, StringComparison.Ordinal) || a.Contains(close, StringComparison.Ordinal)),
            a => Assert.Contains("coordinators can create or close joint actions", a, StringComparison.Ordinal));
        Assert.DoesNotContain(_slack.Calls, c => c.Method == "views.open");
    }

    [Fact]
    public async Task FormWithAPastDeadlineAndNoChannelIsAnsweredWithErrorsBesideTheFields()
    {
        var form = new JsonObject { ["private_metadata"] = "C0ACT\n" + ActionForms.NewAction("Europe/Brussels", "C0ACT").State };
        var submission = FormSubmission(form, "yesterday");
        submission["view"]!["state"]!["values"]!["audience"]!["value"]!["selected_conversations"] = new JsonArray();

        var id = await _slack.SendEnvelopeAsync("interactive", submission, acceptsResponsePayload: true);
        await _slack.WaitForAckAsync(id);

        var errors = JsonNode.Parse(_slack.Acks.Single(a => a.Contains(id, StringComparison.Ordinal)))!["payload"]!["errors"]!.AsObject();
        Assert.Contains("already passed", errors["deadline"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("at least one conversation", errors["audience"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await Actions.ListAsync(CancellationToken.None));
    }

    private JsonObject Command(string text, string user = Coordinator) => new()
    {
        ["command"] = "/coalition",
        ["text"] = text,
        ["user_id"] = user,
        ["channel_id"] = "C0ACT",
        ["trigger_id"] = "trigger-new",
        ["response_url"] = _slack.ResponseUrl("command"),
    };

    private static JsonObject FormSubmission(JsonObject form, string deadline) => new()
    {
        ["type"] = "view_submission",
        ["user"] = new JsonObject { ["id"] = Coordinator },
        ["view"] = new JsonObject
        {
            ["id"] = "VFORM",
            ["root_view_id"] = "VFORM",
            ["callback_id"] = "action_new",
            ["private_metadata"] = form["private_metadata"]!.GetValue<string>(),
            ["state"] = new JsonObject
            {
                ["values"] = new JsonObject
                {
                    ["kind"] = Field(new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = "sign-on" } }),
                    ["title"] = Field(PlainText("Joint letter on transit protection")),
                    ["summary"] = Field(PlainText("Please sign for your organisation.")),
                    ["link"] = Field(new JsonObject { ["type"] = "url_text_input", ["value"] = "https://example.org/letter" }),
                    ["deadline"] = Field(PlainText(deadline)),
                    ["reminders"] = Field(PlainText("1 day")),
                    ["audience"] = Field(new JsonObject { ["type"] = "multi_conversations_select", ["selected_conversations"] = new JsonArray("C0ACT") }),
                    ["dm"] = Field(new JsonObject { ["type"] = "checkboxes", ["selected_options"] = new JsonArray(new JsonObject { ["value"] = "dm" }) }),
                },
            },
        },
    };

    private static JsonObject ConfirmSubmission(JsonObject confirm) => new()
    {
        ["type"] = "view_submission",
        ["user"] = new JsonObject { ["id"] = Coordinator },
        ["view"] = new JsonObject
        {
            ["id"] = "VCONFIRM",
            ["root_view_id"] = "VFORM",
            ["callback_id"] = confirm["callback_id"]!.GetValue<string>(),
            ["private_metadata"] = confirm["private_metadata"]!.GetValue<string>(),
            ["state"] = new JsonObject { ["values"] = new JsonObject() },
        },
    };

    private static JsonObject SignSubmission(string actionId, string user) => new()
    {
        ["type"] = "view_submission",
        ["user"] = new JsonObject { ["id"] = user },
        ["view"] = new JsonObject
        {
            ["callback_id"] = "action_sign",
            ["private_metadata"] = $"C0ACT\n{actionId}",   // the channel the modal was opened from, then Core's state
            ["state"] = new JsonObject
            {
                ["values"] = new JsonObject
                {
                    ["organisation"] = new JsonObject { ["value"] = PlainText("Save the Children") },
                    ["name"] = new JsonObject { ["value"] = PlainText("Ana Pérez") },
                    ["title"] = new JsonObject { ["value"] = PlainText("Director") },
                },
            },
        },
    };

    private JsonObject Click(string button, string actionId, string user) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user },
        ["trigger_id"] = "trigger-click",
        ["response_url"] = _slack.ResponseUrl("decline"),
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1764000700.000100", ["channel_id"] = "C0ACT", ["is_ephemeral"] = false },
        ["message"] = new JsonObject { ["ts"] = "1764000700.000100" },
        ["actions"] = new JsonArray(new JsonObject { ["action_id"] = button + ":1", ["value"] = actionId }),
    };

    private static JsonObject Field(JsonObject element) => new() { ["value"] = element };

    private static JsonObject PlainText(string value) => new() { ["type"] = "plain_text_input", ["value"] = value };

    private static string Text(SlackCall call) => call.Body["text"]?.GetValue<string>() ?? "";

    private static string? Channel(SlackCall call) => call.Body["channel"]?.GetValue<string>();
}
