using System.Data.Common;
using CoalitionBot.Conversation;
using CoalitionBot.Teams.AdaptiveCards;
using CoalitionBot.Teams.Connector;
using CoalitionBot.Teams.Conversations;
using CoalitionBot.Teams.Handlers;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Teams.Handlers;

/// <summary>
/// Teams activities in the engine's terms. A message (personal, group chat, or a channel @mention, the
/// mention stripped) becomes an <see cref="IncomingMessage"/> and is answered with a card in the same
/// place (joint-action commands, the tour and help included: Core routes them); a card submit (a button or a
/// form) goes to <see cref="TeamsInteractions"/>, a coordinator's answer in a question's thread to
/// <see cref="TeamsCoordinatorReplies"/>, new members of a welcoming team to <see cref="TeamsWelcomes"/>;
/// installs and messages keep the member's conversation reference for proactive messages.
/// </summary>
internal sealed partial class CoalitionActivityHandler(
    ConversationEngine engine,
    ConversationReferenceStore references,
    TeamsReplier replier,
    TeamsInteractions interactions,
    TeamsCoordinatorReplies coordinatorReplies,
    TeamsWelcomes welcomes,
    ILogger<CoalitionActivityHandler> logger) : ActivityHandler
{
    public const string Platform = Platforms.Teams;

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = (Activity)turnContext.Activity;
        await RememberAsync(activity, cancellationToken);
        if (activity.Value is not null && string.IsNullOrWhiteSpace(activity.Text))
        {
            // A suggested question or "Try again" is answered like a typed message: typing indicator, apology on failure.
            var submit = CardSubmit.From(activity.Value);
            if (InteractionHandler.AsMessage(new ButtonClick(Where(activity, ""), submit.Action ?? "", submit.Value ?? "")) is { } said)
            {
                await AnswerAsync(turnContext, activity, said.Text, cancellationToken);
                return;
            }
            await interactions.SubmitAsync(turnContext, activity, Where(activity, ""), cancellationToken);
            return;
        }
        // Read mentions from the entities, never by parsing the text: this removes "<at>CoalitionBot</at>".
        var text = RecipientMention.Remove(activity);
        // In the coordinators' channel, a reply in the thread of a member's question is the answer, not a new question.
        if (await coordinatorReplies.TryAnswerAsync(activity, text, cancellationToken))
        {
            return;
        }
        await AnswerAsync(turnContext, activity, text, cancellationToken);
    }

    protected override async Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        await RememberAsync((Activity)activity, cancellationToken);
        // A personal install is the bot's one chance to introduce itself; in teams and chats it stays quiet until asked.
        // (ActivityHandler's OnMembersAddedAsync skips a list that names only the bot, which is what a personal install sends.)
        var botAdded = activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true;
        if (botAdded && activity.Conversation?.ConversationType == "personal")
        {
            await replier.SendAsync(turnContext, ConversationEngine.Help(), "", cancellationToken);
        }
        else if (activity.MembersAdded?.Count > 0)
        {
            await welcomes.MembersAddedAsync((Activity)activity, cancellationToken);
        }
    }

    protected override async Task OnInstallationUpdateActivityAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Action?.StartsWith("add", StringComparison.OrdinalIgnoreCase) == true)
        {
            await RememberAsync((Activity)turnContext.Activity, cancellationToken);
        }
        await base.OnInstallationUpdateActivityAsync(turnContext, cancellationToken);
    }

    private async Task AnswerAsync(ITurnContext turnContext, Activity activity, string text, CancellationToken cancellationToken)
    {
        var message = Where(activity, text);
        Reply reply;
        try
        {
            if (text.Length > 0 && engine.StreamsAnswers)
            {
                await replier.SendTypingAsync(turnContext, cancellationToken);
            }
            reply = text.Length == 0 ? ConversationEngine.Help() : await engine.ReplyToAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.AnswerFailed(logger, e, message.UserId, message.ConversationId);
            reply = ConversationEngine.Apology(text);
        }
        await replier.SendAsync(turnContext, reply, text, cancellationToken);
    }

    /// <summary>The member and the place (the conversation without ";messageid=", the channel thread) as Core names them.</summary>
    private static IncomingMessage Where(Activity activity, string text)
    {
        var member = TeamsMember.From(activity);
        return new IncomingMessage(Platform, member.UserId, TeamsConversation.WithoutMessageId(activity.Conversation?.Id ?? ""), TeamsConversation.ThreadId(activity), text, member.TimeZone);
    }

    /// <summary>Keeps the reference; a storage failure is logged and does not cost the member their answer.</summary>
    private async Task RememberAsync(Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            await references.SaveAsync(activity, cancellationToken);
        }
        catch (Exception e) when (e is DbException or DbUpdateException)
        {
            Log.ReferenceNotStored(logger, e, activity.Conversation?.Id ?? "(none)");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Error, "Answering {UserId} in {ConversationId} on Teams failed; sent an apology")]
        public static partial void AnswerFailed(ILogger logger, Exception exception, string userId, string conversationId);

        [LoggerMessage(LogLevel.Error, "Could not store the conversation reference for {ConversationId} (is the database schema current? delete data/coalitionbot.db to recreate it)")]
        public static partial void ReferenceNotStored(ILogger logger, Exception exception, string conversationId);
    }
}
