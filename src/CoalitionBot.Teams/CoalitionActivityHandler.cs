using System.Data.Common;
using CoalitionBot.Actions;
using CoalitionBot.Conversation;
using CoalitionBot.Teams.AdaptiveCards;
using CoalitionBot.Teams.Conversations;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Teams;

/// <summary>
/// Teams activities in the engine's terms. A message (personal, group chat, or a channel @mention, the
/// mention stripped) becomes an <see cref="IncomingMessage"/> and is answered with a card in the same
/// place; a card submit records feedback and rewrites the card, or asks the suggested question;
/// joint-action commands and buttons go to <see cref="TeamsActionHandler"/>, onboarding and Ask a coordinator
/// buttons to <see cref="TeamsConversationButtons"/>, a coordinator's answer in a question's thread to
/// <see cref="TeamsCoordinatorReplies"/>, new members of a welcoming team to <see cref="TeamsWelcomes"/>;
/// installs and messages keep the member's conversation reference for proactive messages.
/// </summary>
internal sealed partial class CoalitionActivityHandler(
    ConversationEngine engine,
    ConversationReferenceStore references,
    TeamsReplier replier,
    TeamsActionHandler actions,
    TeamsConversationButtons buttons,
    TeamsCoordinatorReplies coordinatorReplies,
    TeamsWelcomes welcomes,
    ILogger<CoalitionActivityHandler> logger) : ActivityHandler
{
    public const string Platform = "teams";

    public const string UnknownButton = "Sorry, I don't know that button. Ask me your question again and I'll answer it.";

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = (Activity)turnContext.Activity;
        await RememberAsync(activity, cancellationToken);
        if (activity.Value is not null && string.IsNullOrWhiteSpace(activity.Text))
        {
            await OnSubmitAsync(turnContext, activity, cancellationToken);
            return;
        }
        // Read mentions from the entities, never by parsing the text: this removes "<at>CoalitionBot</at>".
        var text = RecipientMention.Remove(activity);
        // In the coordinators' channel, a reply in the thread of a member's question is the answer, not a new question.
        if (await coordinatorReplies.TryAnswerAsync(activity, text, cancellationToken))
        {
            return;
        }
        if (ActionCommand.Parse(text) is { } command)
        {
            await actions.CommandAsync(turnContext, activity, command, cancellationToken);
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

    private async Task OnSubmitAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        var submit = CardSubmit.From(activity.Value);
        switch (submit.Action)
        {
            case ReplyActions.Helpful or ReplyActions.NotHelpful when (submit.AnswerId ?? submit.Value) is { Length: > 0 } answerId:
                var member = TeamsMember.From(activity);
                var updated = await engine.RecordFeedbackAsync(Platform, member.UserId, answerId, submit.Action == ReplyActions.Helpful, cancellationToken);
                if (updated.Kind != ReplyKind.Problem && activity.ReplyToId is { Length: > 0 } cardId)
                {
                    await replier.UpdateAsync(turnContext, cardId, updated, cancellationToken);
                }
                else
                {
                    await replier.SendTextAsync(turnContext, updated.Note ?? updated.Text, cancellationToken);
                }
                break;
            case var action when TeamsActionHandler.Handles(action):
                await actions.SubmitAsync(turnContext, activity, submit, cancellationToken);
                break;
            case var action when TeamsConversationButtons.Handles(action):
                await buttons.SubmitAsync(turnContext, activity, submit, cancellationToken);
                break;
            case ReplyActions.Ask or ReplyActions.Retry when submit.Value is { Length: > 0 } question:
                await AnswerAsync(turnContext, activity, question, cancellationToken);
                break;
            default:
                Log.UnknownSubmit(logger, submit.Action ?? "(none)");
                await replier.SendTextAsync(turnContext, UnknownButton, cancellationToken);
                break;
        }
    }

    private async Task AnswerAsync(ITurnContext turnContext, Activity activity, string text, CancellationToken cancellationToken)
    {
        var member = TeamsMember.From(activity);
        var conversationId = TeamsConversation.WithoutMessageId(activity.Conversation?.Id ?? "");
        var message = new IncomingMessage(Platform, member.UserId, conversationId, TeamsConversation.ThreadId(activity), text);
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
            Log.AnswerFailed(logger, e, member.UserId, conversationId);
            reply = ConversationEngine.Apology(text);
        }
        await replier.SendAsync(turnContext, reply, text, cancellationToken);
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

        [LoggerMessage(LogLevel.Warning, "A Teams card submit with unknown action {Action} arrived")]
        public static partial void UnknownSubmit(ILogger logger, string action);

        [LoggerMessage(LogLevel.Error, "Could not store the conversation reference for {ConversationId} (is the database schema current? delete data/coalitionbot.db to recreate it)")]
        public static partial void ReferenceNotStored(ILogger logger, Exception exception, string conversationId);
    }
}
