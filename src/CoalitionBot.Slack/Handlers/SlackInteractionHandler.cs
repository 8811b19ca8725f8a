using System.Text.Json;
using CoalitionBot.Conversation;
using CoalitionBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Slack.Handlers;

/// <summary>
/// Button clicks (block_actions): feedback is stored and the message rewritten without its
/// buttons; a suggestion or "Try again" asks its question in the same thread; a button that
/// names nothing gets a friendly ephemeral message.
/// </summary>
internal sealed partial class SlackInteractionHandler(
    ConversationEngine engine,
    SlackQuestionAnswerer answerer,
    SlackReplier replier,
    SlackApiClient slack,
    SlackDirectMessages directMessages,
    SlackActionButtons actionButtons,
    SlackActionForm actionForm,
    SlackConversationButtons conversationButtons,
    ILogger<SlackInteractionHandler> logger)
{
    public async Task HandleAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        if (payload.Str("type") == "view_submission" && payload.Obj("view").Str("callback_id") == SlackActionButtons.SignModal
            && payload.Obj("user").Str("id") is { } signer)
        {
            await actionButtons.SubmitAsync(payload, signer, cancellationToken);
            return;
        }
        if (SlackActionForm.Handles(payload))
        {
            await actionForm.SubmitAsync(payload, cancellationToken);
            return;
        }
        if (payload.Str("type") != "block_actions" || payload.Obj("user").Str("id") is not { } user)
        {
            Log.Ignored(logger, payload.Str("type") ?? "(none)");
            return;
        }
        var click = Click.From(payload, user);
        foreach (var action in payload.Arr("actions"))
        {
            var actionId = (action.Str("action_id") ?? "").Split(':')[0];
            var value = action.Str("value") ?? "";
            switch (actionId)
            {
                case ReplyActions.Helpful or ReplyActions.NotHelpful:
                    var updated = await engine.RecordFeedbackAsync("slack", user, value, actionId == ReplyActions.Helpful, cancellationToken);
                    await ShowAsync(click, updated, replaceClicked: updated.Kind != ReplyKind.Problem, cancellationToken);
                    break;
                case var answer when SlackActionButtons.Handles(answer):
                    await actionButtons.ClickAsync(answer, value, payload, user, click.Channel, cancellationToken);
                    break;
                case var conversation when SlackConversationButtons.Handles(conversation):
                    await conversationButtons.ClickAsync(conversation, value, payload, user, cancellationToken);
                    break;
                case ReplyActions.Ask or ReplyActions.Retry when value.Length > 0:
                    await AskAsync(click, value, cancellationToken);
                    break;
                default:
                    Log.UnknownAction(logger, actionId);
                    await ShowAsync(click, new Reply(ReplyKind.Problem, "Sorry, I don't know that button. Ask me your question again and I'll answer it.", null, []), replaceClicked: false, cancellationToken);
                    break;
            }
        }
    }

    private async Task AskAsync(Click click, string question, CancellationToken cancellationToken)
    {
        if (click.IsEphemeral && click.ResponseUrl is { } responseUrl)
        {
            var reply = await answerer.ReplyAsync(click.User, click.Channel ?? "", null, question, cancellationToken);
            await replier.RespondAsync(responseUrl, reply, replaceOriginal: false, cancellationToken);
            return;
        }
        // From App Home there is no channel: answer in the member's DM with the bot.
        var channel = click.Channel ?? await directMessages.ChannelAsync(click.User, cancellationToken);
        await answerer.AnswerInThreadAsync(click.User, channel, click.Channel is null ? null : click.ThreadTs, question, cancellationToken);
    }

    private async Task ShowAsync(Click click, Reply reply, bool replaceClicked, CancellationToken cancellationToken)
    {
        if (replaceClicked && !click.IsEphemeral && click.Channel is { } channel && click.MessageTs is { } ts)
        {
            await replier.UpdateAsync(channel, ts, reply, cancellationToken);
        }
        else if (click.ResponseUrl is { } responseUrl)
        {
            await replier.RespondAsync(responseUrl, reply, replaceOriginal: replaceClicked, cancellationToken);
        }
        else if (click.Channel is { } where)
        {
            await slack.PostEphemeralAsync(where, click.User, reply.Text, null, click.ThreadTs, cancellationToken);
        }
    }

    /// <summary>Where the click happened.</summary>
    private sealed record Click(string User, string? Channel, string? MessageTs, string? ThreadTs, bool IsEphemeral, string? ResponseUrl)
    {
        public static Click From(JsonElement payload, string user)
        {
            var container = payload.Obj("container");
            var message = payload.Obj("message");
            var messageTs = container.Str("message_ts") ?? message.Str("ts");
            return new Click(
                user,
                container.Str("channel_id") ?? payload.Obj("channel").Str("id"),
                messageTs,
                message.Str("thread_ts") ?? messageTs,
                container.Bool("is_ephemeral"),
                payload.Str("response_url"));
        }
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Debug, "Ignored a Slack interaction of type {Type}")]
        public static partial void Ignored(ILogger logger, string type);

        [LoggerMessage(LogLevel.Warning, "A Slack button with unknown action {ActionId} was clicked")]
        public static partial void UnknownAction(ILogger logger, string actionId);
    }
}
