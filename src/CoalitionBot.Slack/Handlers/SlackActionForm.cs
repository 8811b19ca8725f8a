using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Actions;
using CoalitionBot.Conversation;
using CoalitionBot.Slack.BlockKit;
using CoalitionBot.Slack.WebApi;

namespace CoalitionBot.Slack.Handlers;

/// <summary>
/// <c>/coalition action new</c> for coordinators: opens the form in their time zone; its submission
/// is checked in the ack (errors beside the fields, or the confirmation pushed over the form with
/// the deadline as read); "Create and send" creates the action and tells the coordinator by DM.
/// The modal's id is the request id, so a double submit creates one action.
/// </summary>
internal sealed class SlackActionForm(ActionService actions, ActionCommands commands, SlackApiClient slack, SlackDirectMessages directMessages, SlackReplier replier, TimeProvider time)
{
    // private_metadata holds at most 3,000 characters; escaping every non-ASCII letter would eat them.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private const int MetadataLimit = 3_000;

    public static bool Handles(JsonElement payload) =>
        payload.Str("type") == "view_submission" && payload.Obj("view").Str("callback_id") is ActionFormViews.FormCallback or ActionFormViews.ConfirmCallback;

    public async Task OpenAsync(string user, string? channel, string triggerId, CancellationToken cancellationToken)
    {
        // The form says which zone it reads the deadline in, so a UTC fallback is visible, not a silent guess.
        var zone = await slack.TimeZoneOfAsync(user, cancellationToken) ?? "UTC";
        var metadata = JsonSerializer.Serialize(new FormMetadata(zone, channel), Json);
        await slack.OpenViewAsync(triggerId, ActionFormViews.Form(zone, channel, metadata), cancellationToken);
    }

    /// <summary>What the submission's ack carries: errors, the confirmation to push, or "clear" once confirmed.</summary>
    public JsonObject Acknowledge(JsonElement payload)
    {
        var view = payload.Obj("view");
        if (view.Str("callback_id") == ActionFormViews.ConfirmCallback)
        {
            return new JsonObject { ["response_action"] = "clear" };
        }
        if (!commands.IsCoordinator("slack", payload.Obj("user").Str("id") ?? ""))
        {
            return Errors(new Dictionary<string, string> { [ActionDraft.Fields.Title] = ActionCommands.NotCoordinator });
        }
        var form = Read<FormMetadata>(view.Str("private_metadata")) ?? new FormMetadata("UTC", null);
        var draft = new ActionDraft(
            Selected(view, ActionDraft.Fields.Kind), Value(view, ActionDraft.Fields.Title), Value(view, ActionDraft.Fields.Summary),
            Value(view, ActionDraft.Fields.Link), Value(view, ActionDraft.Fields.Deadline), Value(view, ActionDraft.Fields.Reminders), form.TimeZone);
        var check = draft.Check(time.GetUtcNow());
        var channels = Values(view, ActionFormViews.AudienceBlock, "selected_conversations");
        var dm = Values(view, ActionFormViews.DmBlock, "selected_options").Count > 0;
        var errors = check.Errors.ToDictionary();
        if (channels.Count == 0)
        {
            errors[ActionFormViews.AudienceBlock] = "Choose at least one channel to post in.";
        }
        if (errors.Count > 0)
        {
            return Errors(errors);
        }
        // The deadline travels as the moment that was confirmed, so "in 2 hours" does not move while the coordinator reads.
        var confirmed = draft with { Deadline = check.Deadline!.Value.ToString("O") };
        var metadata = JsonSerializer.Serialize(new ConfirmMetadata(confirmed, channels, dm, form.Channel), Json);
        if (metadata.Length > MetadataLimit)
        {
            return Errors(new Dictionary<string, string> { [ActionDraft.Fields.Summary] = "Shorten the summary a little; the link can carry the rest." });
        }
        return new JsonObject
        {
            ["response_action"] = "push",
            ["view"] = ActionFormViews.Confirm(draft.Confirmation(check, channels.Count, dm), metadata),
        };
    }

    /// <summary>After the ack: a confirmed form becomes the action; the coordinator hears how it went.</summary>
    public async Task SubmitAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        var view = payload.Obj("view");
        var user = payload.Obj("user").Str("id") ?? "";
        if (view.Str("callback_id") != ActionFormViews.ConfirmCallback || Read<ConfirmMetadata>(view.Str("private_metadata")) is not { Draft: { } draft } confirmed)
        {
            return;
        }
        if (!commands.IsCoordinator("slack", user))
        {
            await TellAsync(user, ActionCommands.NotCoordinator, null, cancellationToken);
            return;
        }
        var check = draft.Check(time.GetUtcNow());
        if (!check.IsValid)
        {
            await TellAsync(user, $"I could not create “{draft.Title}”: {string.Join(" ", check.Errors.Values)}", null, cancellationToken);
            return;
        }
        var audience = confirmed.Channels.Select(c => new NewAudience("slack", c, null, confirmed.Dm)).ToList();
        var request = draft.ToNewAction(check, audience, new NewCoordinator("slack", user));
        var requestId = "slack:" + (view.Str("root_view_id") ?? view.Str("id") ?? Guid.NewGuid().ToString("N"));
        var (action, problem) = await actions.CreateAsync(request, $"slack:{user}", cancellationToken, requestId);
        if (problem is not null)
        {
            await TellAsync(user, $"I could not create “{draft.Title}”: {problem.Error}", null, cancellationToken);
            return;
        }
        await TellAsync(user,
            $"Created “{action!.Title}” ({action.Id}). It goes out now to {confirmed.Channels.Count} channel(s){(confirmed.Dm ? " and to each of their members by direct message" : "")}; "
            + $"reminders {ReminderOffsets.Describe(check.Offsets!)}, to those who have not answered. "
            + $"You will get the summary and the signatory list at the deadline. `/coalition action status {action.Id}` shows who has answered.",
            action.Deadline, cancellationToken);
    }

    private async Task TellAsync(string user, string text, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var dm = await directMessages.ChannelAsync(user, cancellationToken);
        await replier.PostAsync(dm, null, new Reply(ReplyKind.Announcement, text, null, [], Deadline: deadline), cancellationToken);
    }

    private static JsonObject Errors(Dictionary<string, string> errors) => new()
    {
        ["response_action"] = "errors",
        ["errors"] = new JsonObject(errors.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)JsonValue.Create(e.Value)))),
    };

    private static T? Read<T>(string? metadata) where T : class
    {
        try
        {
            return string.IsNullOrEmpty(metadata) ? null : JsonSerializer.Deserialize<T>(metadata, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement Element(JsonElement view, string block) => view.Obj("state").Obj("values").Obj(block).Obj("value");

    private static string? Value(JsonElement view, string block) => Element(view, block).Str("value")?.Trim();

    private static string? Selected(JsonElement view, string block) => Element(view, block).Obj("selected_option").Str("value");

    private static List<string> Values(JsonElement view, string block, string property) =>
        Element(view, block).Arr(property).Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.Str("value")).OfType<string>().ToList();

    private sealed record FormMetadata(string TimeZone, string? Channel);

    private sealed record ConfirmMetadata(ActionDraft Draft, List<string> Channels, bool Dm, string? Channel);
}
