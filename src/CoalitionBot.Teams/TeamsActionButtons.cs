using CoalitionBot.Actions;
using CoalitionBot.Conversation;
using CoalitionBot.Teams.AdaptiveCards;
using CoalitionBot.Teams.Conversations;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CoalitionBot.Teams;

/// <summary>
/// A member's answer to a joint action on Teams: "Decline" and "Remind me later" answer at once, "Sign on" sends
/// a form for the organisation, the signer's name and title (filled in from their last signature). Teams has no
/// ephemeral messages, so a click in a channel or group chat is answered in the member's 1:1 with the bot (as
/// Slack answers only the clicker); only when that chat cannot be reached does the answer go to the thread.
/// </summary>
internal sealed class TeamsActionButtons(ActionService actions, ConversationReferenceStore references, TeamsSender sender)
{
    public const string Declined = "Noted: you declined for your organisation. Changed your mind? Press “Sign on” before the deadline.";
    public const string TooLate = "The deadline is too close for a later reminder — please answer now.";
    public const string SignFormMissing = "Please give both your organisation and your name: the letter lists who signs for which organisation.";

    public async Task DeclineAsync(ITurnContext turnContext, Activity activity, string actionId, CancellationToken cancellationToken)
    {
        var member = TeamsMember.From(activity);
        var problem = await actions.RespondAsync(actionId, ConversationReferenceStore.Platform, member.UserId, ActionAnswer.Declined, null, null, null, cancellationToken);
        await TellAsync(turnContext, activity, member, problem?.Error ?? Declined, cancellationToken);
    }

    public async Task RemindLaterAsync(ITurnContext turnContext, Activity activity, string actionId, CancellationToken cancellationToken)
    {
        var member = TeamsMember.From(activity);
        var zone = await references.TimeZoneAsync(member, cancellationToken);
        var (at, problem) = await actions.RemindLaterAsync(actionId, ConversationReferenceStore.Platform, member.UserId, zone, cancellationToken);
        // RemindLaterAsync plans 9:00 in the member's zone, or UTC when no client of theirs ever reported one; say which.
        var text = problem?.Error ?? (at is { } when ? $"I'll remind you on {ActionText.Deadline(when, zone ?? "UTC")}." : TooLate);
        await TellAsync(turnContext, activity, member, text, cancellationToken);
    }

    public async Task OpenSignFormAsync(ITurnContext turnContext, Activity activity, string actionId, CancellationToken cancellationToken)
    {
        var member = TeamsMember.From(activity);
        var last = await actions.LastSignatureAsync(ConversationReferenceStore.Platform, member.UserId, cancellationToken);
        var form = ActionCards.SignForm(actionId, last?.Organisation, last?.SignerName, last?.SignerTitle);
        await TellAsync(turnContext, activity, member, () => TeamsReplier.CardActivity(form, "Sign on for your organisation"), cancellationToken);
    }

    public async Task SubmitSignFormAsync(ITurnContext turnContext, Activity activity, string actionId, CancellationToken cancellationToken)
    {
        var member = TeamsMember.From(activity);
        var value = activity.Value as JObject ?? [];
        var (organisation, name, title) = (Field(value, ActionCards.Organisation), Field(value, ActionCards.SignerName), Field(value, ActionCards.SignerTitle));
        if (organisation is null || name is null)
        {
            var again = ActionCards.SignForm(actionId, organisation, name, title, SignFormMissing);
            await TellAsync(turnContext, activity, member, () => TeamsReplier.CardActivity(again, SignFormMissing), cancellationToken);
            return;
        }
        var problem = await actions.RespondAsync(actionId, ConversationReferenceStore.Platform, member.UserId, ActionAnswer.Signed, organisation, name, title, cancellationToken);
        await TellAsync(turnContext, activity, member, problem?.Error ?? $"Thank you: {organisation} is on the list. You can change your answer until the deadline.", cancellationToken);
    }

    private Task TellAsync(ITurnContext turnContext, Activity activity, TeamsMember member, string text, CancellationToken cancellationToken) =>
        TellAsync(turnContext, activity, member, () => (Activity)MessageFactory.Text(text), cancellationToken);

    /// <param name="message">Made afresh for each try: a send fills in the conversation of the message it is given.</param>
    private async Task TellAsync(ITurnContext turnContext, Activity activity, TeamsMember member, Func<Activity> message, CancellationToken cancellationToken)
    {
        if (activity.Conversation?.ConversationType is not ("personal" or null or "")
            && await sender.SendToMemberAsync(member.UserId, message(), cancellationToken) == SendOutcome.Sent)
        {
            return;
        }
        await turnContext.SendActivityAsync(message(), cancellationToken);
    }

    private static string? Field(JObject value, string key) =>
        value.TryGetValue(key, StringComparison.Ordinal, out var token) && token.Type == JTokenType.String && ((string?)token)?.Trim() is { Length: > 0 } text ? text : null;
}
