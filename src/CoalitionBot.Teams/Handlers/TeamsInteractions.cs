using CoalitionBot.Conversation;
using CoalitionBot.Teams.AdaptiveCards;
using CoalitionBot.Teams.Connector;
using CoalitionBot.Teams.Conversations;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace CoalitionBot.Teams.Handlers;

/// <summary>
/// A card's Action.Submit in Core's terms: a button becomes a <see cref="ButtonClick"/>, a form's submit a
/// <see cref="FormSubmit"/>; Core's <see cref="InteractionHandler"/> decides, and the reply goes where it says. Teams
/// has no ephemeral messages, so a reply for the clicker alone (a confirmation, a sign-on form) goes to their 1:1 with
/// the bot when the click was in a channel or group chat; only when that chat cannot be reached does it go to the
/// thread. A form that was accepted is replaced by its outcome, so it cannot be submitted twice by mistake.
/// </summary>
internal sealed class TeamsInteractions(InteractionHandler interactions, TeamsReplier replier, TeamsSender sender, ILogger<TeamsInteractions> logger)
{
    public async Task SubmitAsync(ITurnContext turnContext, Activity activity, IncomingMessage where, CancellationToken cancellationToken)
    {
        var submit = CardSubmit.From(activity.Value);
        if (FormCard.Handles(submit.Action))
        {
            var form = FormCard.Read(activity.Value as JObject ?? [], where, activity.ReplyToId);
            var outcome = await interactions.SubmitAsync(form, cancellationToken);
            if (outcome.Form is null && outcome.Kind != ReplyKind.Problem && activity.ReplyToId is { Length: > 0 } formCard)
            {
                await replier.UpdateAsync(turnContext, formCard, outcome, cancellationToken);
                return;
            }
            await ShowAsync(turnContext, activity, outcome, cancellationToken);
            return;
        }
        var click = new ButtonClick(where, submit.Action ?? "", submit.AnswerId ?? submit.Value ?? "", activity.ReplyToId);
        await ShowAsync(turnContext, activity, await interactions.ClickAsync(click, cancellationToken), cancellationToken);
    }

    private async Task ShowAsync(ITurnContext turnContext, Activity activity, Reply reply, CancellationToken cancellationToken)
    {
        switch (reply.Placement)
        {
            case ReplyPlacement.ReplaceClicked when activity.ReplyToId is { Length: > 0 } cardId:
                await replier.UpdateAsync(turnContext, cardId, reply, cancellationToken);
                break;
            case ReplyPlacement.Private or ReplyPlacement.Direct or ReplyPlacement.ReplaceClicked:
                var personal = activity.Conversation?.ConversationType is "personal" or null or "";
                if (!personal && await ToMemberAsync(activity, reply, cancellationToken))
                {
                    return;
                }
                await replier.SendActivityAsync(turnContext, () => Message(reply), cancellationToken);
                break;
            default:
                await replier.SendAsync(turnContext, reply, "", cancellationToken);
                break;
        }
    }

    /// <summary>Into the member's 1:1 with the bot; false when it cannot be reached, and the thread is the place after all.</summary>
    private async Task<bool> ToMemberAsync(Activity activity, Reply reply, CancellationToken cancellationToken)
    {
        try
        {
            return await sender.SendToMemberAsync(TeamsMember.From(activity).UserId, Message(reply), cancellationToken) == SendOutcome.Sent;
        }
        catch (Exception e) when (e is HttpRequestException or ErrorResponseException)
        {
            logger.LogWarning(e, "Could not reach {UserId} in their 1:1 chat; answered in the conversation instead", TeamsMember.From(activity).UserId);
            return false;
        }
    }

    /// <summary>A few words for one person are a text message; a form, an answer or buttons need a card.</summary>
    private static Activity Message(Reply reply) =>
        reply.Form is null && reply.Answer is null && reply.Buttons.Count == 0 && reply.Deadline is null
            ? (Activity)MessageFactory.Text(reply.Note ?? reply.Text)
            : TeamsReplier.CardActivity(reply);
}
