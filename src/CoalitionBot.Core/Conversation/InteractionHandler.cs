using CoalitionBot.Actions;

namespace CoalitionBot.Conversation;

/// <summary>
/// What a person does besides typing, for every surface: a click on one of the bot's buttons and the submit of one of
/// its forms, answered with a <see cref="Reply"/> that says where it goes (<see cref="ReplyPlacement"/>). Slack, Teams,
/// the web chat and the terminal parse their payloads into a <see cref="ButtonClick"/> or a <see cref="FormSubmit"/>,
/// call this, and render what comes back.
/// </summary>
public sealed class InteractionHandler(ConversationEngine engine, ActionInteractions actions, CoordinatorQuestions coordinators)
{
    public const string UnknownButton = "Sorry, I don't know that button. Ask me your question again and I'll answer it.";
    public const string UnknownForm = "Sorry, I don't know that form any more. Ask me again and I'll send a new one.";

    /// <summary>
    /// The message a click stands for when it says something as if typed (a suggested question, "Try again", "Open the
    /// form"), so a surface that streams answers can answer it as it answers a message; null for other buttons.
    /// </summary>
    public static IncomingMessage? AsMessage(ButtonClick click) =>
        click.Action is ReplyActions.Ask or ReplyActions.Retry or ReplyActions.Say && click.Value.Trim().Length > 0
            ? click.Where with { Text = click.Value }
            : null;

    public async Task<Reply> ClickAsync(ButtonClick click, CancellationToken cancellationToken)
    {
        var where = click.Where;
        if (AsMessage(click) is { } message)
        {
            return await engine.ReplyToAsync(message, cancellationToken);
        }
        switch (click.Action)
        {
            case ReplyActions.Helpful or ReplyActions.NotHelpful:
                var rated = await engine.RecordFeedbackAsync(where.Platform, where.UserId, click.Value, click.Action == ReplyActions.Helpful, cancellationToken);
                return Replacing(rated);
            case var onboarding when ReplyActions.IsOnboarding(onboarding):
                return await engine.OnboardingClickAsync(where, onboarding, click.Value, cancellationToken);
            case ReplyActions.AskCoordinator:
                return await coordinators.AskAsync(where.Platform, where.UserId, click.Value, cancellationToken) with { Placement = ReplyPlacement.Private };
            case ReplyActions.SaveAnswer:
                return Replacing(await coordinators.SaveAsync(click.Value, cancellationToken));
            case var action when ActionInteractions.Handles(action):
                return await actions.ClickAsync(click, cancellationToken);
            default:
                return Reply.Problem(UnknownButton, ReplyPlacement.Private);
        }
    }

    /// <summary>See <see cref="ActionInteractions.Review"/>: what a submit leads to without touching the database; null when it is complete.</summary>
    public Form? Review(FormSubmit submit) => ActionInteractions.HandlesForm(submit.FormId) ? actions.Review(submit) : null;

    public async Task<Reply> SubmitAsync(FormSubmit submit, CancellationToken cancellationToken) =>
        ActionInteractions.HandlesForm(submit.FormId)
            ? await actions.SubmitAsync(submit, cancellationToken)
            : Reply.Problem(UnknownForm, ReplyPlacement.Private);

    /// <summary>Feedback thanks and a saved answer take the clicked message's place; a problem goes to the clicker alone.</summary>
    private static Reply Replacing(Reply reply) =>
        reply with { Placement = reply.Kind == ReplyKind.Problem ? ReplyPlacement.Private : ReplyPlacement.ReplaceClicked };
}
