using System.Text.Json;
using CoalitionBot.Conversation;
using CoalitionBot.Slack.WebApi;

namespace CoalitionBot.Slack.Handlers;

/// <summary>
/// The onboarding buttons (each step a new message where the tour is, in the member's DM when it
/// was started from App Home), "Ask a coordinator" (confirmed to the member alone) and "Save as
/// answer" (the clicked message in the coordinators' thread says it is saved).
/// </summary>
internal sealed class SlackConversationButtons(ConversationEngine engine, CoordinatorQuestions coordinators, SlackApiClient slack, SlackDirectMessages directMessages, SlackReplier replier)
{
    public static bool Handles(string actionId) =>
        ReplyActions.IsOnboarding(actionId) || actionId is ReplyActions.AskCoordinator or ReplyActions.SaveAnswer;

    public async Task ClickAsync(string actionId, string value, JsonElement payload, string user, CancellationToken cancellationToken)
    {
        var channel = payload.Obj("container").Str("channel_id") ?? payload.Obj("channel").Str("id");
        // A step goes in the thread the clicked message was in, else as a message of its own.
        var thread = payload.Obj("message").Str("thread_ts");
        switch (actionId)
        {
            case var onboarding when ReplyActions.IsOnboarding(onboarding):
                var where = channel ?? await directMessages.ChannelAsync(user, cancellationToken);
                var step = await engine.OnboardingClickAsync(new IncomingMessage("slack", user, where, thread, ""), actionId, value, cancellationToken);
                await replier.PostAsync(where, thread, step, cancellationToken);
                break;
            case ReplyActions.AskCoordinator:
                var asked = await coordinators.AskAsync("slack", user, value, cancellationToken);
                await TellAsync(payload, user, channel, thread, asked, cancellationToken);
                break;
            case ReplyActions.SaveAnswer:
                var saved = await coordinators.SaveAsync(value, cancellationToken);
                if (saved.Kind != ReplyKind.Problem && channel is not null && payload.Obj("container").Str("message_ts") is { } ts)
                {
                    await replier.UpdateAsync(channel, ts, saved, cancellationToken);
                }
                else
                {
                    await TellAsync(payload, user, channel, thread, saved, cancellationToken);
                }
                break;
        }
    }

    private async Task TellAsync(JsonElement payload, string user, string? channel, string? thread, Reply reply, CancellationToken cancellationToken)
    {
        if (payload.Str("response_url") is { } responseUrl)
        {
            await replier.RespondAsync(responseUrl, reply, replaceOriginal: false, cancellationToken);
        }
        else if (channel is not null)
        {
            await slack.PostEphemeralAsync(channel, user, reply.Text, null, thread, cancellationToken);
        }
    }
}
