using System.Text.Json;
using System.Text.RegularExpressions;
using CoalitionBot.Conversation;
using CoalitionBot.Onboarding;
using CoalitionBot.Slack.BlockKit;
using CoalitionBot.Slack.WebApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Slack.Handlers;

/// <summary>
/// Events API callbacks: a DM or an @mention is answered in its thread, and so is a message in a
/// channel thread the bot is following (it answered there lately); a coordinator's reply in the
/// thread of a member's question goes back to the member; joining a welcome channel brings one
/// welcome; App Home gets its view. Our own messages, other bots, edits and deletions are ignored.
/// </summary>
internal sealed partial class SlackEventHandler(
    SlackQuestionAnswerer answerer,
    ConversationEngine engine,
    CoordinatorQuestions coordinators,
    OnboardingService onboarding,
    IOptions<OnboardingOptions> onboardingOptions,
    SlackApiClient slack,
    SlackIdentityCache identity,
    ReceivedEvents received,
    ILogger<SlackEventHandler> logger)
{
    public async Task HandleAsync(JsonElement body, CancellationToken cancellationToken)
    {
        if (body.Str("type") != "event_callback")
        {
            Log.Ignored(logger, body.Str("type") ?? "(none)");
            return;
        }
        var ev = body.Obj("event");
        // Every message of every channel the bot is in arrives (for thread follow-ups): the ones it never acts on cost no database write.
        if (ev.Str("type") == "message" && ev.Str("channel_type") is "channel" or "group" && !ev.Has("thread_ts"))
        {
            return;
        }
        if (body.Str("event_id") is { } eventId && !await received.FirstTimeAsync(Platforms.Slack, eventId, cancellationToken))
        {
            Log.Redelivered(logger, eventId);
            return;
        }
        switch (ev.Str("type"))
        {
            case "message" when ev.Str("channel_type") == "im":
            case "app_mention":
                await AnswerAsync(ev, cancellationToken);
                break;
            case "message" when ev.Str("channel_type") is "channel" or "group" && ev.Str("thread_ts") is { } thread:
                await ThreadMessageAsync(ev, thread, cancellationToken);
                break;
            case "member_joined_channel" when ev.Str("user") is { } joined && ev.Str("channel") is { } channel
                && onboardingOptions.Value.Welcome.Includes(Platforms.Slack, channel):
                await WelcomeAsync(joined, cancellationToken);
                break;
            case "app_home_opened" when ev.Str("tab") is "home" or null && ev.Str("user") is { } user:
                await slack.PublishViewAsync(user, HomeView.Render(), cancellationToken);
                break;
            default:
                Log.Ignored(logger, ev.Str("type") ?? "(none)");
                break;
        }
    }

    private async Task AnswerAsync(JsonElement ev, CancellationToken cancellationToken)
    {
        // Only plain messages from people: no subtype (edits, deletions, joins, bot_message), no bot_id.
        if (ev.Has("subtype") || ev.Has("bot_id") || ev.Str("user") is not { } user || ev.Str("channel") is not { } channel)
        {
            Log.Ignored(logger, ev.Str("subtype") ?? "bot or system message");
            return;
        }
        if (user == (await identity.TryGetAsync(cancellationToken))?.UserId)
        {
            return;
        }
        var text = Mention().Replace(ev.Str("text") ?? "", "").Trim();
        var threadTs = ev.Str("thread_ts") ?? ev.Str("ts");
        await answerer.AnswerInThreadAsync(user, channel, threadTs, text, cancellationToken, direct: ev.Str("channel_type") == "im");
    }

    /// <summary>
    /// A message in a channel thread: a coordinator's answer to a member's question, or a question or
    /// follow-up in a thread the bot is following (members' chat among themselves is left alone). A
    /// message that mentions the bot comes as app_mention too, and is answered from there.
    /// </summary>
    private async Task ThreadMessageAsync(JsonElement ev, string thread, CancellationToken cancellationToken)
    {
        if (ev.Has("subtype") || ev.Has("bot_id") || ev.Str("user") is not { } user || ev.Str("channel") is not { } channel)
        {
            return;
        }
        var me = (await identity.TryGetAsync(cancellationToken))?.UserId;
        var text = Payload.Unescape(ev.Str("text") ?? "");
        if (user == me || await coordinators.ReplyAsync(Platforms.Slack, channel, thread, user, text, cancellationToken))
        {
            return;
        }
        if ((me is null || !text.Contains($"<@{me}", StringComparison.Ordinal)) && FollowUps.IsQuestionLike(text)
            && await engine.IsFollowingAsync(Platforms.Slack, channel, thread, cancellationToken))
        {
            await answerer.AnswerInThreadAsync(user, channel, thread, Mention().Replace(ev.Str("text") ?? "", "").Trim(), cancellationToken);
        }
    }

    /// <summary>One welcome per member, by DM (a delivery: retried if Slack fails), whichever welcome channel they join first.</summary>
    private async Task WelcomeAsync(string user, CancellationToken cancellationToken)
    {
        if (user != (await identity.TryGetAsync(cancellationToken))?.UserId)
        {
            await onboarding.WelcomeAsync(Platforms.Slack, user, cancellationToken);
        }
    }

    [GeneratedRegex(@"<@[A-Z0-9]+(\|[^>]*)?>")]
    private static partial Regex Mention();

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Debug, "Ignored a Slack event of type {Type}")]
        public static partial void Ignored(ILogger logger, string type);

        [LoggerMessage(LogLevel.Information, "Slack redelivered event {EventId}; it was handled already")]
        public static partial void Redelivered(ILogger logger, string eventId);
    }
}
