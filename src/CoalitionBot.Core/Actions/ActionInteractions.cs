using CoalitionBot.Conversation;

namespace CoalitionBot.Actions;

/// <summary>
/// Everything a person does with joint actions, in one place for every surface: the typed commands (<c>actions</c>,
/// <c>action status|close|new</c>), a member's Sign on / Decline / Remind me later, and the forms that follow.
/// Who may do what (coordinators create and close), what counts as signed, and every word said back are decided
/// here; adapters render the <see cref="Reply"/>.
/// </summary>
public sealed class ActionInteractions(
    ActionService actions,
    ActionCommands commands,
    IEnumerable<IMemberTimeZones> zones,
    TimeProvider time)
{
    public const string Declined = "Noted: you declined for your organisation. Changed your mind? Press “Sign on” before the deadline.";
    public const string TooLate = "The deadline is too close for a later reminder — please answer now.";
    public const string NotHere = "Joint actions are created where their audience is: type “action new” to me in Slack or Teams (coordinators only).";

    public static bool Handles(string action) => action is ReplyActions.SignOn or ReplyActions.Decline or ReplyActions.RemindLater;

    public static bool HandlesForm(string formId) => formId is FormIds.SignOn or FormIds.NewAction or FormIds.ConfirmAction;

    public async Task<Reply> CommandAsync(IncomingMessage where, ActionCommand command, CancellationToken cancellationToken) => command.Kind switch
    {
        ActionCommandKind.List => Reply.Say(await commands.ListAsync(cancellationToken)),
        ActionCommandKind.Status => Reply.Say(await commands.StatusAsync(command.Id!, cancellationToken)),
        ActionCommandKind.Close => Reply.Say(await commands.CloseAsync(command.Id!, where.Platform, where.UserId, cancellationToken)),
        _ => await NewAsync(where, cancellationToken),
    };

    /// <summary>
    /// What a command's immediate acknowledgement says where a platform must answer at once (Slack's 3 seconds), before
    /// <see cref="CommandAsync"/> runs; null when the reply itself is quick enough (a form opens by itself).
    /// </summary>
    public string? Acknowledgement(IncomingMessage where, ActionCommand command) =>
        command.Kind is ActionCommandKind.New or ActionCommandKind.Close && !commands.IsCoordinator(where.Platform, where.UserId) ? ActionCommands.NotCoordinator
        : command.Kind == ActionCommandKind.New ? null
        : "Looking up the joint actions…";

    public async Task<Reply> ClickAsync(ButtonClick click, CancellationToken cancellationToken)
    {
        var (where, id) = (click.Where, click.Value);
        switch (click.Action)
        {
            case ReplyActions.SignOn:
                var last = await actions.LastSignatureAsync(where.Platform, where.UserId, cancellationToken);
                return Reply.Ask(ActionForms.SignOn(id, last), "Sign on for your organisation");
            case ReplyActions.Decline:
                var declined = await actions.RespondAsync(id, where.Platform, where.UserId, ActionAnswer.Declined, null, null, null, cancellationToken);
                return Outcome(declined, Declined);
            default:
                // Without the member's zone the reminder comes at 9:00 UTC, and the reply says so; better than none.
                var zone = await ZoneAsync(where, cancellationToken);
                var (at, problem) = await actions.RemindLaterAsync(id, where.Platform, where.UserId, zone, cancellationToken);
                return Outcome(problem, at is { } when ? $"I'll remind you on {ActionText.Deadline(when, zone ?? DeadlineReader.FallbackZone)}." : TooLate);
        }
    }

    /// <summary>
    /// The part of a submit that needs no database: the same form with errors, the next form (the confirmation, or the
    /// form again after Back), or null when it is complete and <see cref="SubmitAsync"/> will carry it out. Slack
    /// answers a modal's submission with this in its ack.
    /// </summary>
    public Form? Review(FormSubmit submit)
    {
        if (submit.FormId == FormIds.SignOn)
        {
            var errors = ActionForms.CheckSignOn(submit);
            return errors.Count == 0 ? null : ActionForms.SignOn(submit.State ?? "", null).With(submit.Values, errors);
        }
        if (!commands.IsCoordinator(submit.Where.Platform, submit.Where.UserId))
        {
            // Card data comes from the client, and anyone in a channel can press a button: checked at every step.
            return ActionForms.NewAction(DeadlineReader.FallbackZone, null).With(submit.Values, new Dictionary<string, string> { [ActionDraft.Fields.Title] = ActionCommands.NotCoordinator });
        }
        return ActionForms.Review(submit, time.GetUtcNow());
    }

    public async Task<Reply> SubmitAsync(FormSubmit submit, CancellationToken cancellationToken)
    {
        if (submit.FormId != FormIds.SignOn && !commands.IsCoordinator(submit.Where.Platform, submit.Where.UserId))
        {
            return Reply.Problem(ActionCommands.NotCoordinator, ReplyPlacement.Private);
        }
        if (Review(submit) is { } next)
        {
            return next.Id == FormIds.ConfirmAction
                ? Reply.Ask(next, next.Intro!, ReplyPlacement.InConversation)
                : Reply.Ask(next, next.HasErrors ? "Nothing has been sent yet: please check the form." : next.Title, ReplyPlacement.InConversation);
        }
        return submit.FormId == FormIds.SignOn ? await SignAsync(submit, cancellationToken) : await CreateAsync(submit, cancellationToken);
    }

    private async Task<Reply> SignAsync(FormSubmit submit, CancellationToken cancellationToken)
    {
        var organisation = submit.Value(ActionForms.Organisation)!;
        var problem = await actions.RespondAsync(submit.State ?? "", submit.Where.Platform, submit.Where.UserId, ActionAnswer.Signed,
            organisation, submit.Value(ActionForms.SignerName), submit.Value(ActionForms.SignerTitle), cancellationToken);
        return Outcome(problem, $"Thank you: {organisation} is on the list. You can change your answer until the deadline.");
    }

    private async Task<Reply> CreateAsync(FormSubmit submit, CancellationToken cancellationToken)
    {
        var where = submit.Where;
        if (ActionForms.ReadConfirmed(submit.State) is not var (draft, audience, dm))
        {
            return Reply.Problem("That form has expired. Type “action new” to start again.");
        }
        var check = draft.Check(time.GetUtcNow());
        var request = draft.ToNewAction(check, [.. audience.Select(a => Audience(where.Platform, a, dm))], new NewCoordinator(where.Platform, where.UserId));
        var requestId = $"{where.Platform}:{submit.RequestId ?? Guid.NewGuid().ToString("N")}";
        var (action, problem) = await actions.CreateAsync(request, $"{where.Platform}:{where.UserId}", cancellationToken, requestId);
        if (problem is not null)
        {
            return Reply.Problem($"I could not create “{draft.Title}”: {problem.Error}", ReplyPlacement.Direct);
        }
        var reminders = check.Offsets!.Count == 0 ? "no reminders" : $"reminders {ReminderOffsets.Describe(check.Offsets)} to those who have not answered";
        return Reply.Say(
            $"Created “{action!.Title}” ({action.Id}). It goes out now to {Conversations(audience.Count)}{(dm ? " and to each of their members by direct message" : "")}; {reminders}. "
            + $"You will get the summary and the signatory list at the deadline; “action status {action.Id}” shows who has answered.",
            ReplyPlacement.Direct, action.Deadline);
    }

    private async Task<Reply> NewAsync(IncomingMessage where, CancellationToken cancellationToken)
    {
        if (!Platforms.Broadcast.Contains(where.Platform))
        {
            return Reply.Say(NotHere);
        }
        if (!commands.IsCoordinator(where.Platform, where.UserId))
        {
            return Reply.Problem(ActionCommands.NotCoordinator);
        }
        // The form names the zone it reads the deadline in, so a UTC fallback is visible, not a silent guess.
        var zone = await ZoneAsync(where, cancellationToken) ?? DeadlineReader.FallbackZone;
        // A surface that opens forms only from a click (Slack's modals need a trigger) shows the button instead.
        return Reply.Ask(ActionForms.NewAction(zone, where.ConversationId), "New joint action: fill in the form.", ReplyPlacement.InConversation)
            with { Buttons = [new ReplyButton("Open the form", ReplyActions.Say, "action new")] };
    }

    private async Task<string?> ZoneAsync(IncomingMessage where, CancellationToken cancellationToken) =>
        where.TimeZone ?? (zones.FirstOrDefault(z => z.Platform == where.Platform) is { } platform ? await platform.ZoneOfAsync(where.UserId, cancellationToken) : null);

    private static NewAudience Audience(string platform, string conversation, bool dm) =>
        platform == Platforms.Slack ? new(platform, conversation, null, dm) : new(platform, null, conversation, dm);

    private static string Conversations(int count) => count == 1 ? "1 conversation" : $"{count} conversations";

    private static Reply Private(string text, DateTimeOffset? deadline = null) => Reply.Say(text, ReplyPlacement.Private, deadline);

    /// <summary>What the member hears after answering: the thanks, or why it could not be recorded (closed, unknown).</summary>
    private static Reply Outcome(ActionProblem? problem, string done) =>
        problem is null ? Private(done) : Reply.Problem(problem.Error, ReplyPlacement.Private);
}
