using CoalitionBot.Actions;
using CoalitionBot.Conversation;
using CoalitionBot.Teams.AdaptiveCards;
using CoalitionBot.Teams.Conversations;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace CoalitionBot.Teams;

/// <summary>
/// Joint actions on Teams, for <see cref="CoalitionActivityHandler"/>: the typed commands (<c>actions</c>,
/// <c>action status|close &lt;id&gt;</c>, <c>action new</c>, as <see cref="ActionCommand"/> reads them) and the
/// buttons and forms of action cards. The words are Core's (<see cref="ActionCommands"/>), the same as on Slack.
/// </summary>
internal sealed class TeamsActionHandler(ActionCommands commands, TeamsActionButtons buttons, TeamsActionCreator creator, TeamsReplier replier)
{
    public static bool Handles(string? submitAction) => submitAction is
        ReplyActions.SignOn or ReplyActions.Decline or ReplyActions.RemindLater or
        ActionCards.SignSubmit or ActionCards.NewSubmit or ActionCards.NewConfirm or ActionCards.NewChange;

    public async Task CommandAsync(ITurnContext turnContext, Activity activity, ActionCommand command, CancellationToken cancellationToken)
    {
        var text = command.Kind switch
        {
            ActionCommandKind.List => await commands.ListAsync(cancellationToken),
            ActionCommandKind.Status => await commands.StatusAsync(command.Id!, cancellationToken),
            ActionCommandKind.Close => await commands.CloseAsync(command.Id!, ConversationReferenceStore.Platform, TeamsMember.From(activity).UserId, cancellationToken),
            _ => null,
        };
        if (text is null)
        {
            await creator.ShowFormAsync(turnContext, activity, cancellationToken);
            return;
        }
        // A card, not a text message: Teams' text messages join the list lines into one paragraph.
        await replier.SendAsync(turnContext, new Reply(ReplyKind.Announcement, text, null, []), "", cancellationToken);
    }

    public Task SubmitAsync(ITurnContext turnContext, Activity activity, CardSubmit submit, CancellationToken cancellationToken)
    {
        var actionId = submit.Value ?? "";
        return submit.Action switch
        {
            ReplyActions.Decline => buttons.DeclineAsync(turnContext, activity, actionId, cancellationToken),
            ReplyActions.RemindLater => buttons.RemindLaterAsync(turnContext, activity, actionId, cancellationToken),
            ReplyActions.SignOn => buttons.OpenSignFormAsync(turnContext, activity, actionId, cancellationToken),
            ActionCards.SignSubmit => buttons.SubmitSignFormAsync(turnContext, activity, actionId, cancellationToken),
            ActionCards.NewSubmit => creator.SubmitFormAsync(turnContext, activity, cancellationToken),
            ActionCards.NewChange => creator.ChangeAsync(turnContext, activity, cancellationToken),
            ActionCards.NewConfirm => creator.ConfirmAsync(turnContext, activity, cancellationToken),
            _ => throw new ArgumentException($"'{submit.Action}' is no joint-action submit; check Handles first.", nameof(submit)),
        };
    }
}
