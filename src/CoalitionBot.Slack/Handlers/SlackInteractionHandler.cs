using System.Text.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Conversation;
using CoalitionBot.Slack.BlockKit;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Slack.Handlers;

/// <summary>
/// Slack's interactions in Core's terms: a button click (block_actions) becomes a <see cref="ButtonClick"/>, a modal's
/// submission (view_submission) a <see cref="FormSubmit"/>; Core's <see cref="InteractionHandler"/> decides, and the
/// reply is shown where it says. A click that says something (a suggestion, "Try again") is answered like a message,
/// in the thread, so a generated answer streams.
/// </summary>
internal sealed partial class SlackInteractionHandler(
    InteractionHandler interactions,
    SlackQuestionAnswerer answerer,
    SlackReplier replier,
    SlackDirectMessages directMessages,
    ILogger<SlackInteractionHandler> logger)
{
    public static bool IsSubmission(JsonElement payload) => payload.Str("type") == "view_submission";

    /// <summary>The submission's ack (within 3 s, or Slack closes the modal): errors, the next view, or clear.</summary>
    public JsonObject Acknowledge(JsonElement payload)
    {
        var (submit, channel) = FormModal.Read(payload);
        return FormModal.Ack(submit.FormId, interactions.Review(submit), channel);
    }

    public async Task HandleAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        if (payload.Obj("user").Str("id") is not { } user)
        {
            Log.Ignored(logger, payload.Str("type") ?? "(none)");
            return;
        }
        if (IsSubmission(payload))
        {
            var (submit, channel) = FormModal.Read(payload);
            // The ack already showed errors or the next form; only a complete submission is carried out.
            if (interactions.Review(submit) is null)
            {
                var outcome = await interactions.SubmitAsync(submit, cancellationToken);
                await replier.ShowAsync(new SlackSpot(user, channel, null, null, false, null, null), outcome, cancellationToken);
            }
            return;
        }
        if (payload.Str("type") != "block_actions")
        {
            Log.Ignored(logger, payload.Str("type") ?? "(none)");
            return;
        }
        var spot = SlackSpot.OfClick(payload, user);
        foreach (var action in payload.Arr("actions"))
        {
            // action_id is "<action>:<index>": several suggestions share one action in a block.
            var actionId = (action.Str("action_id") ?? "").Split(':')[0];
            var click = new ButtonClick(new IncomingMessage(Platforms.Slack, user, spot.Channel ?? "", spot.ThreadTs, ""), actionId, action.Str("value") ?? "", spot.MessageTs);
            if (InteractionHandler.AsMessage(click) is { } message)
            {
                await AskAsync(spot, message.Text, cancellationToken);
                continue;
            }
            var reply = await interactions.ClickAsync(click, cancellationToken);
            if (reply.Kind == ReplyKind.Problem && reply.Text == InteractionHandler.UnknownButton)
            {
                Log.UnknownAction(logger, actionId);
            }
            await replier.ShowAsync(spot, reply, cancellationToken);
        }
    }

    private async Task AskAsync(SlackSpot spot, string question, CancellationToken cancellationToken)
    {
        if (spot.IsEphemeral && spot.ResponseUrl is { } responseUrl)
        {
            var reply = await answerer.ReplyAsync(spot.User, spot.Channel ?? "", null, question, cancellationToken);
            await replier.ShowAsync(spot with { TriggerId = null }, reply, cancellationToken);
            return;
        }
        // From App Home there is no channel: answer in the member's DM with the bot. A suggestion is answered in its thread.
        var channel = spot.Channel ?? await directMessages.ChannelAsync(spot.User, cancellationToken);
        await answerer.AnswerInThreadAsync(spot.User, channel, spot.Channel is null ? null : spot.ThreadTs ?? spot.MessageTs, question, cancellationToken, spot.TriggerId);
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Debug, "Ignored a Slack interaction of type {Type}")]
        public static partial void Ignored(ILogger logger, string type);

        [LoggerMessage(LogLevel.Warning, "A Slack button with unknown action {ActionId} was clicked")]
        public static partial void UnknownAction(ILogger logger, string actionId);
    }
}
