using System.Text.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Actions;
using CoalitionBot.Conversation;
using CoalitionBot.Slack.BlockKit;
using CoalitionBot.Slack.WebApi;

namespace CoalitionBot.Slack.Handlers;

/// <summary>
/// A member's answer to a joint action: "Sign on" opens a modal for the organisation, the signer's
/// name and title (filled in from their last signature), "Decline" and "Remind me later" answer at
/// once. Each click is confirmed to the member alone.
/// </summary>
internal sealed class SlackActionButtons(ActionService actions, SlackApiClient slack, SlackDirectMessages directMessages, SlackReplier replier)
{
    public const string SignModal = "action_sign";

    public static bool Handles(string actionId) => actionId is ReplyActions.SignOn or ReplyActions.Decline or ReplyActions.RemindLater;

    public async Task ClickAsync(string actionId, string actionIdValue, JsonElement payload, string user, string? channel, CancellationToken cancellationToken)
    {
        var responseUrl = payload.Str("response_url");
        switch (actionId)
        {
            case ReplyActions.SignOn when payload.Str("trigger_id") is { } trigger:
                var last = await actions.LastSignatureAsync("slack", user, cancellationToken);
                await slack.OpenViewAsync(trigger, SignView(actionIdValue, channel, last), cancellationToken);
                break;
            case ReplyActions.Decline:
                var declined = await actions.RespondAsync(actionIdValue, "slack", user, ActionAnswer.Declined, null, null, null, cancellationToken);
                await TellAsync(user, channel, responseUrl, declined?.Error ?? "Noted: you declined for your organisation. Changed your mind? Press “Sign on” before the deadline.", cancellationToken);
                break;
            case ReplyActions.RemindLater:
                // Without the member's zone the reminder comes at 9:00 UTC; better than none.
                var zone = await slack.TimeZoneOfAsync(user, cancellationToken);
                var (at, problem) = await actions.RemindLaterAsync(actionIdValue, "slack", user, zone, cancellationToken);
                await TellAsync(user, channel, responseUrl, problem?.Error ?? (at is { } when
                    ? $"I'll remind you <!date^{when.ToUnixTimeSeconds()}^{{date_short_pretty}} at {{time}}|{when:yyyy-MM-dd HH:mm} UTC>."
                    : "The deadline is too close for a later reminder — please answer now."), cancellationToken);
                break;
            default:
                await TellAsync(user, channel, responseUrl, "That button needs a moment to open a form; please press it again.", cancellationToken);
                break;
        }
    }

    /// <summary>The modal's checks, answered in the ack as Slack expects (<c>response_action: errors</c>); null when it is complete.</summary>
    public static JsonObject? Validate(JsonElement view)
    {
        var errors = new JsonObject();
        if (string.IsNullOrWhiteSpace(Value(view, "organisation")))
        {
            errors["organisation"] = "Which organisation signs? A sign-on letter lists organisations.";
        }
        if (string.IsNullOrWhiteSpace(Value(view, "name")))
        {
            errors["name"] = "Who signs for it? Your name as it should appear on the letter.";
        }
        return errors.Count == 0 ? null : new JsonObject { ["response_action"] = "errors", ["errors"] = errors };
    }

    public async Task SubmitAsync(JsonElement payload, string user, CancellationToken cancellationToken)
    {
        var view = payload.Obj("view");
        if (Validate(view) is not null)
        {
            return;
        }
        var metadata = (view.Str("private_metadata") ?? "").Split('|');
        var channel = metadata.Length > 1 && metadata[1].Length > 0 ? metadata[1] : null;
        var problem = await actions.RespondAsync(metadata[0], "slack", user, ActionAnswer.Signed, Value(view, "organisation"), Value(view, "name"), Value(view, "title"), cancellationToken);
        await TellAsync(user, channel, null, problem?.Error ?? $"Thank you: {Mrkdwn.Escape(Value(view, "organisation")!)} is on the list. You can change your answer until the deadline.", cancellationToken);
    }

    private static string? Value(JsonElement view, string block) =>
        view.Obj("state").Obj("values").Obj(block).Obj("value").Str("value")?.Trim();

    private async Task TellAsync(string user, string? channel, string? responseUrl, string text, CancellationToken cancellationToken)
    {
        var reply = new Reply(ReplyKind.Announcement, text, null, []);
        if (responseUrl is not null)
        {
            await replier.RespondAsync(responseUrl, reply, replaceOriginal: false, cancellationToken);
        }
        else if (channel is not null)
        {
            await slack.PostEphemeralAsync(channel, user, text, null, null, cancellationToken);
        }
        else
        {
            await replier.PostAsync(await directMessages.ChannelAsync(user, cancellationToken), null, reply, cancellationToken);
        }
    }

    private static JsonObject SignView(string actionId, string? channel, ActionResponse? last) => new()
    {
        ["type"] = "modal",
        ["callback_id"] = SignModal,
        ["private_metadata"] = $"{actionId}|{channel}",
        ["title"] = PlainText("Sign on"),
        ["submit"] = PlainText("Sign on"),
        ["close"] = PlainText("Cancel"),
        ["blocks"] = new JsonArray(
            Input("organisation", "Organisation", last?.Organisation, optional: false),
            Input("name", "Signer's name", last?.SignerName, optional: false),
            Input("title", "Signer's title", last?.SignerTitle, optional: true)),
    };

    private static JsonObject Input(string block, string label, string? initial, bool optional)
    {
        var element = new JsonObject { ["type"] = "plain_text_input", ["action_id"] = "value" };
        if (!string.IsNullOrEmpty(initial))
        {
            element["initial_value"] = initial;
        }
        return new JsonObject { ["type"] = "input", ["block_id"] = block, ["optional"] = optional, ["label"] = PlainText(label), ["element"] = element };
    }

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text };
}
