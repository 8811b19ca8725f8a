using System.Text.Json;
using System.Text.RegularExpressions;
using CoalitionBot.Conversation;
using CoalitionBot.Slack.BlockKit;
using CoalitionBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Slack.Handlers;

/// <summary>
/// Events API callbacks: a DM or an @mention is answered in its thread; App Home gets its view.
/// Our own messages, other bots, edits, deletions and joins are ignored, so the bot never loops.
/// </summary>
internal sealed partial class SlackEventHandler(
    SlackQuestionAnswerer answerer,
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
        if (body.Str("event_id") is { } eventId && !await received.FirstTimeAsync("slack", eventId, cancellationToken))
        {
            Log.Redelivered(logger, eventId);
            return;
        }
        var ev = body.Obj("event");
        switch (ev.Str("type"))
        {
            case "message" when ev.Str("channel_type") == "im":
            case "app_mention":
                await AnswerAsync(ev, cancellationToken);
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
        await answerer.AnswerInThreadAsync(user, channel, threadTs, text, cancellationToken);
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
