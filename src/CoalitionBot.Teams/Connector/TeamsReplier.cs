using System.Text.Json.Nodes;
using CoalitionBot.Conversation;
using CoalitionBot.Teams.AdaptiveCards;
using CoalitionBot.Teams.Connector;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace CoalitionBot.Teams.Connector;

/// <summary>
/// Sends a <see cref="Reply"/> into the conversation of the turn as an Adaptive Card, or rewrites the card
/// a button was clicked on. Replies go to the activity that asked (ReplyToId), which Teams places in the
/// same channel thread. A throttled (429) or briefly unavailable connector is waited out within the turn's
/// budget (<see cref="ConnectorRetry.InTurnBudget"/>), so an answer is not lost to a moment of throttling.
/// </summary>
internal sealed partial class TeamsReplier(ConnectorRetry retry, ILogger<TeamsReplier> logger)
{
    /// <summary>Sends the reply; if the connector refuses it for good (too big, malformed, throttled past the budget), sends an apology instead.</summary>
    public async Task SendAsync(ITurnContext turnContext, Reply reply, string question, CancellationToken cancellationToken)
    {
        try
        {
            await SendActivityAsync(turnContext, () => CardActivity(reply), cancellationToken);
        }
        catch (ErrorResponseException e) when (reply.Kind != ReplyKind.Apology)
        {
            Log.SendFailed(logger, e, turnContext.Activity.Conversation?.Id ?? "(none)", (int?)e.Response?.StatusCode ?? 0);
            await SendActivityAsync(turnContext, () => CardActivity(ConversationEngine.Apology(question)), cancellationToken);
        }
    }

    /// <summary>
    /// Sends into the turn's conversation, retried on 429/412/5xx. <paramref name="message"/> is made afresh for each
    /// try: a send fills in the conversation and reply-to id of the activity it is given.
    /// </summary>
    public Task SendActivityAsync(ITurnContext turnContext, Func<IActivity> message, CancellationToken cancellationToken) =>
        retry.RunAsync(turnContext.Activity.Conversation?.Id ?? "(none)", ct => turnContext.SendActivityAsync(message(), ct), cancellationToken, ConnectorRetry.InTurnBudget);

    /// <summary>"…is typing": Teams has no message streaming for bots here, so the person sees the bot at work until the card arrives.</summary>
    public async Task SendTypingAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            await turnContext.SendActivityAsync(new Activity(ActivityTypes.Typing), cancellationToken);
        }
        catch (ErrorResponseException e)
        {
            // Only a courtesy: a throttled typing indicator must not cost the answer that follows it.
            Log.TypingFailed(logger, turnContext.Activity.Conversation?.Id ?? "(none)", (int?)e.Response?.StatusCode ?? 0);
        }
    }

    public Task SendTextAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken) =>
        SendActivityAsync(turnContext, () => MessageFactory.Text(text), cancellationToken);

    /// <summary>Replaces the card with id <paramref name="activityId"/> for everyone in the conversation (PUT …/activities/{id}).</summary>
    public Task UpdateAsync(ITurnContext turnContext, string activityId, Reply reply, CancellationToken cancellationToken) =>
        retry.RunAsync(turnContext.Activity.Conversation?.Id ?? "(none)", ct =>
        {
            var activity = CardActivity(reply);
            activity.Id = activityId;
            return turnContext.UpdateActivityAsync(activity, ct);
        }, cancellationToken, ConnectorRetry.InTurnBudget);

    /// <summary>Sends a card that is no <see cref="Reply"/> (a form) into the conversation of the turn.</summary>
    public Task SendCardAsync(ITurnContext turnContext, JsonObject card, string summary, CancellationToken cancellationToken) =>
        SendActivityAsync(turnContext, () => CardActivity(card, summary), cancellationToken);

    public static Activity CardActivity(Reply reply) => CardActivity(ReplyCard.Render(reply), reply.Text);

    public static Activity CardActivity(JsonObject card, string summary)
    {
        var activity = (Activity)MessageFactory.Attachment(new Attachment
        {
            ContentType = ReplyCard.ContentType,
            // Bot Framework serialises attachments with Newtonsoft: the card must be a JObject, not a JsonNode.
            Content = JObject.Parse(ReplyCard.ToJson(card)),
        });
        // What notifications and screen readers show instead of the card.
        activity.Summary = CardText.Cut(summary, 200);
        return activity;
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Error, "The Bot Connector refused a reply in {ConversationId} with {StatusCode}; sent an apology")]
        public static partial void SendFailed(ILogger logger, Exception exception, string conversationId, int statusCode);

        [LoggerMessage(LogLevel.Warning, "The Bot Connector refused the typing indicator in {ConversationId} with {StatusCode}; answering without it")]
        public static partial void TypingFailed(ILogger logger, string conversationId, int statusCode);
    }
}
