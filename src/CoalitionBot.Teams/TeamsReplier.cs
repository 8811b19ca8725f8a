using System.Text.Json.Nodes;
using CoalitionBot.Conversation;
using CoalitionBot.Teams.AdaptiveCards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace CoalitionBot.Teams;

/// <summary>
/// Sends a <see cref="Reply"/> into the conversation of the turn as an Adaptive Card, or rewrites the card
/// a button was clicked on. Replies go to the activity that asked (ReplyToId), which Teams places in the
/// same channel thread.
/// </summary>
internal sealed partial class TeamsReplier(ILogger<TeamsReplier> logger)
{
    /// <summary>Sends the reply; if the connector refuses it (too big, malformed), sends an apology instead.</summary>
    public async Task SendAsync(ITurnContext turnContext, Reply reply, string question, CancellationToken cancellationToken)
    {
        try
        {
            await turnContext.SendActivityAsync(CardActivity(reply), cancellationToken);
        }
        catch (ErrorResponseException e) when (reply.Kind != ReplyKind.Apology)
        {
            Log.SendFailed(logger, e, turnContext.Activity.Conversation?.Id ?? "(none)", (int?)e.Response?.StatusCode ?? 0);
            await turnContext.SendActivityAsync(CardActivity(ConversationEngine.Apology(question)), cancellationToken);
        }
    }

    /// <summary>"…is typing": Teams has no message streaming for bots here, so the person sees the bot at work until the card arrives.</summary>
    public Task SendTypingAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(new Activity(ActivityTypes.Typing), cancellationToken);

    public Task SendTextAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text(text), cancellationToken);

    /// <summary>Replaces the card with id <paramref name="activityId"/> for everyone in the conversation (PUT …/activities/{id}).</summary>
    public Task UpdateAsync(ITurnContext turnContext, string activityId, Reply reply, CancellationToken cancellationToken)
    {
        var activity = CardActivity(reply);
        activity.Id = activityId;
        return turnContext.UpdateActivityAsync(activity, cancellationToken);
    }

    /// <summary>Sends a card that is no <see cref="Reply"/> (a form) into the conversation of the turn.</summary>
    public Task SendCardAsync(ITurnContext turnContext, JsonObject card, string summary, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(CardActivity(card, summary), cancellationToken);

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
    }
}
