using System.Text.Json.Nodes;
using CoalitionBot.Actions;
using CoalitionBot.Slack.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Slack.Tests.EndToEnd;

/// <summary>Members answer a joint action with its buttons over Socket Mode: sign on through the modal, decline, remind me later.</summary>
public sealed class ActionAnswerTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private SlackHost _host = null!;
    private string _actionId = "";

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _host = new SlackHost(_slack);
        await _host.StartAsync();
        await _slack.WaitForConnectionAsync();
        var (action, _) = await Actions.CreateAsync(new NewAction("sign-on", "Joint letter on transit protection", "Please sign.", null,
            DateTimeOffset.UtcNow.AddDays(3), "Europe/Brussels", [new NewAudience("slack", "C0ACT", null)], []), "test", CancellationToken.None);
        _actionId = action!.Id;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private ActionService Actions => _host.Services.GetRequiredService<ActionService>();

    private JsonObject Click(string actionId, string user = "U5") => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user },
        ["trigger_id"] = "trigger-1",
        ["response_url"] = _slack.ResponseUrl(actionId),
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1764000700.000100", ["channel_id"] = "C0ACT", ["is_ephemeral"] = false },
        ["message"] = new JsonObject { ["ts"] = "1764000700.000100" },
        ["actions"] = new JsonArray(new JsonObject { ["action_id"] = actionId + ":0", ["value"] = _actionId }),
    };

    private JsonObject Submission(string organisation, string name, string user = "U5") => new()
    {
        ["type"] = "view_submission",
        ["user"] = new JsonObject { ["id"] = user },
        ["view"] = new JsonObject
        {
            ["callback_id"] = "action_sign",
            ["private_metadata"] = $"C0ACT\n{_actionId}",
            ["state"] = new JsonObject
            {
                ["values"] = new JsonObject
                {
                    ["organisation"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = organisation } },
                    ["name"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = name } },
                    ["title"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "Director" } },
                },
            },
        },
    };

    [Fact]
    public async Task SignOnOpensTheModalAndItsSubmissionIsRecorded()
    {
        await _slack.SendEnvelopeAsync("interactive", Click("action_sign"), acceptsResponsePayload: true);
        var open = await _slack.WaitForCallAsync("views.open");
        Assert.Equal("trigger-1", open.Body["trigger_id"]!.GetValue<string>());
        Assert.Equal($"C0ACT\n{_actionId}", open.Body["view"]!["private_metadata"]!.GetValue<string>());

        await _slack.SendEnvelopeAsync("interactive", Submission("Save the Children", "Ana Pérez"), acceptsResponsePayload: true);
        var confirmation = await _slack.WaitForCallAsync("chat.postEphemeral");

        Assert.Contains("Save the Children", confirmation.Body["text"]!.GetValue<string>());
        var view = await Actions.GetAsync(_actionId, CancellationToken.None);
        Assert.Equal(1, view!.Tally.Signed);
        Assert.Contains("Save the Children,Ana Pérez,Director,slack", await Actions.SignatoriesCsvAsync(_actionId, CancellationToken.None));
    }

    [Fact]
    public async Task IncompleteModalIsAnsweredWithErrorsInTheAckAndRecordsNothing()
    {
        var id = await _slack.SendEnvelopeAsync("interactive", Submission("", "Ana Pérez"), acceptsResponsePayload: true);
        await _slack.WaitForAckAsync(id);

        var ack = _slack.Acks.Single(a => a.Contains(id, StringComparison.Ordinal));
        Assert.Contains("\"response_action\":\"errors\"", ack);
        Assert.Contains("organisation", ack);
        Assert.Equal(0, (await Actions.GetAsync(_actionId, CancellationToken.None))!.Tally.Signed);
    }

    [Fact]
    public async Task SlashCommandsListOpenActionsAndShowOne()
    {
        await Actions.RespondAsync(_actionId, "slack", "U7", ActionAnswer.Signed, "HIAS", "Sam", null, CancellationToken.None);
        var command = new JsonObject { ["command"] = "/coalition", ["user_id"] = "U1", ["channel_id"] = "C1" };

        var list = (JsonObject)command.DeepClone();
        list["text"] = "actions";
        list["response_url"] = _slack.ResponseUrl("list");
        var status = (JsonObject)command.DeepClone();
        status["text"] = $"action status {_actionId}";
        status["response_url"] = _slack.ResponseUrl("status");
        await _slack.SendEnvelopeAsync("slash_commands", list, acceptsResponsePayload: true);
        await _slack.SendEnvelopeAsync("slash_commands", status, acceptsResponsePayload: true);

        var listed = await _slack.WaitForCallAsync("response_url:list");
        var shown = await _slack.WaitForCallAsync("response_url:status");
        Assert.Contains($"Joint letter on transit protection ({_actionId})", listed.Body["text"]!.GetValue<string>());
        Assert.Contains("1 signed", listed.Body["text"]!.GetValue<string>());
        Assert.Contains("HIAS: signed", shown.Body["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeclineIsRecordedAndConfirmedToTheMemberAlone()
    {
        await _slack.SendEnvelopeAsync("interactive", Click("action_decline"), acceptsResponsePayload: true);
        var response = await _slack.WaitForCallAsync("response_url:action_decline");

        Assert.Equal("ephemeral", response.Body["response_type"]!.GetValue<string>());
        Assert.Contains("declined", response.Body["text"]!.GetValue<string>());
        Assert.Equal(1, (await Actions.GetAsync(_actionId, CancellationToken.None))!.Tally.Declined);
    }

    [Fact]
    public async Task RemindMeLaterSchedulesOnePersonalReminder()
    {
        await _slack.SendEnvelopeAsync("interactive", Click("action_later"), acceptsResponsePayload: true);
        var response = await _slack.WaitForCallAsync("response_url:action_later");

        Assert.Contains("I'll remind you", response.Body["text"]!.GetValue<string>());
        await _slack.WaitForCallAsync("users.info");
        var view = await Actions.GetAsync(_actionId, CancellationToken.None);
        Assert.Single(view!.Deliveries!, d => d.Kind == "action.later" && d.Target == "U5" && d.State == "pending");
    }
}
