using System.Text.Encodings.Web;
using System.Text.Json;
using CoalitionBot.Conversation;

namespace CoalitionBot.Actions;

/// <summary>
/// The joint-action forms, defined once for every surface: a member's "sign on for my organisation", a coordinator's
/// "new joint action" and its confirmation. Fields, labels, defaults, limits and every error text are here; the
/// platforms only render them. <see cref="Review"/> is pure (no database, no network), so Slack can answer a modal's
/// submission in its 3-second ack.
/// </summary>
public static class ActionForms
{
    public const string Organisation = "organisation";
    public const string SignerName = "name";
    public const string SignerTitle = "title";
    public const string Audience = "audience";
    public const string Dm = "dm";

    public const string MissingOrganisation = "Which organisation signs? A sign-on letter lists organisations.";
    public const string MissingSigner = "Who signs for it? Your name as it should appear on the letter.";
    public const string MissingAudience = "Choose at least one conversation to post in.";

    /// <summary>Where the form's default reminders come from, in the words the form shows.</summary>
    public static string DefaultReminders => ReminderOffsets.Words(ReminderOffsets.Default);

    // The state rides in Slack's private_metadata; escaping every non-ASCII letter would eat its 3,000 characters.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const int MaxSignField = 200;

    public static Form SignOn(string actionId, ActionResponse? last) => new(FormIds.SignOn, "Sign on", "Sign on",
    [
        new(Organisation, "Organisation") { Value = last?.Organisation, MaxLength = MaxSignField },
        new(SignerName, "Signer's name") { Value = last?.SignerName, MaxLength = MaxSignField },
        new(SignerTitle, "Signer's title") { Value = last?.SignerTitle, MaxLength = MaxSignField, Optional = true },
    ])
    {
        Intro = "Sign on for your organisation: the letter lists each organisation and who signs for it.",
        State = actionId,
    };

    /// <summary>The sign-on form's errors, by field; empty when it can be recorded.</summary>
    public static Dictionary<string, string> CheckSignOn(FormSubmit submit)
    {
        var errors = new Dictionary<string, string>();
        if (submit.Value(Organisation) is null)
        {
            errors[Organisation] = MissingOrganisation;
        }
        if (submit.Value(SignerName) is null)
        {
            errors[SignerName] = MissingSigner;
        }
        return errors;
    }

    /// <param name="timeZone">The coordinator's zone, which the deadline is read in and the form names.</param>
    /// <param name="conversation">Where the form was asked for: the audience it starts with.</param>
    public static Form NewAction(string timeZone, string? conversation) => new(FormIds.NewAction, "New joint action", "Review",
    [
        new(ActionDraft.Fields.Kind, "Kind", FieldKind.Choice) { Value = ActionKinds.Default, Choices = [.. ActionKinds.Choices.Select(c => new FormChoice(c.Name, c.Label))] },
        new(ActionDraft.Fields.Title, "Title") { MaxLength = ActionDraft.MaxTitle, Placeholder = "Protection for migrants in transit — joint letter" },
        new(ActionDraft.Fields.Summary, "Summary", FieldKind.LongText) { Optional = true, MaxLength = ActionDraft.MaxSummary, Placeholder = "What it asks and why, in two or three sentences" },
        new(ActionDraft.Fields.Link, "Link to the text", FieldKind.Url) { Optional = true, Placeholder = "https://…" },
        new(ActionDraft.Fields.Deadline, "Deadline") { MaxLength = 100, Placeholder = "Friday 5pm, Dec 5 17:00, in 3 days", Hint = $"Read in your time zone ({timeZone}). You will see it as read before anything is sent." },
        new(ActionDraft.Fields.Reminders, "Remind those who have not answered") { Value = DefaultReminders, Optional = true, MaxLength = 100, Placeholder = DefaultReminders, Hint = "Before the deadline; “none” for no reminders." },
        new(Audience, "Post in", FieldKind.Conversations) { Value = conversation },
        new(Dm, "Also ask each member by direct message", FieldKind.Toggle) { Value = "false", Optional = true },
    ])
    {
        State = JsonSerializer.Serialize(new NewState(timeZone), Json),
    };

    /// <summary>
    /// What a submitted "new action" or confirmation leads to, before anything is stored: the form again with an error
    /// beside each field, the confirmation of what was read, the form again (Back), or null when the confirmation was
    /// accepted and the action can be created (<see cref="ReadConfirmed"/>).
    /// </summary>
    public static Form? Review(FormSubmit submit, DateTimeOffset now)
    {
        if (submit.FormId == FormIds.ConfirmAction)
        {
            if (Read<ConfirmState>(submit.State) is not { } confirmed)
            {
                return NewAction(DeadlineReader.FallbackZone, null);
            }
            var again = NewAction(confirmed.TimeZone, string.Join(',', confirmed.Audience)).With(confirmed.Values());
            if (submit.Back)
            {
                return again;
            }
            // Checked again: the deadline may have passed while the confirmation waited.
            var recheck = confirmed.Draft(exact: true).Check(now);
            return recheck.IsValid ? null : again.With(confirmed.Values(), recheck.Errors);
        }
        var zone = Read<NewState>(submit.State)?.TimeZone ?? DeadlineReader.FallbackZone;
        var form = NewAction(zone, null);
        var values = form.Fields.ToDictionary(f => f.Name, f => submit.Values.GetValueOrDefault(f.Name));
        var draft = DraftOf(submit, zone);
        var check = draft.Check(now);
        var audience = Conversations(submit.Value(Audience));
        var errors = check.Errors.ToDictionary();
        if (audience.Count == 0)
        {
            errors[Audience] = MissingAudience;
        }
        if (errors.Count > 0)
        {
            return form.With(values, errors);
        }
        var dm = IsOn(submit.Value(Dm));
        var state = JsonSerializer.Serialize(new ConfirmState(draft, check.Deadline!.Value.ToUnixTimeSeconds(), audience, dm, zone), Json);
        if (state.Length > Form.MaxState)
        {
            return form.With(values, new Dictionary<string, string> { [ActionDraft.Fields.Summary] = "Shorten the summary a little; the link can carry the rest." });
        }
        return new Form(FormIds.ConfirmAction, "Check and send", "Create and send", [])
        {
            Intro = draft.Confirmation(check, audience.Count, dm),
            Note = "Members see the deadline in their own time zone. “Back” changes the details.",
            State = state,
            BackLabel = "Back",
        };
    }

    /// <summary>The confirmed draft (its deadline the moment that was shown), the audience and the DM choice.</summary>
    public static (ActionDraft Draft, IReadOnlyList<string> Audience, bool Dm)? ReadConfirmed(string? state) =>
        Read<ConfirmState>(state) is { } confirmed ? (confirmed.Draft(exact: true), confirmed.Audience, confirmed.Dm) : null;

    private static ActionDraft DraftOf(FormSubmit submit, string zone) => new(
        submit.Value(ActionDraft.Fields.Kind), submit.Value(ActionDraft.Fields.Title), submit.Value(ActionDraft.Fields.Summary),
        submit.Value(ActionDraft.Fields.Link), submit.Value(ActionDraft.Fields.Deadline), submit.Value(ActionDraft.Fields.Reminders), zone);

    private static List<string> Conversations(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    private static bool IsOn(string? value) => value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value is "on" or "yes" or "dm");

    private static T? Read<T>(string? state) where T : class
    {
        try
        {
            return string.IsNullOrEmpty(state) ? null : JsonSerializer.Deserialize<T>(state, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record NewState(string TimeZone);

    /// <summary>The draft as typed (so Back shows "Friday 5pm", not a timestamp) and the moment the confirmation showed.</summary>
    private sealed record ConfirmState(ActionDraft Typed, long DeadlineAt, List<string> Audience, bool Dm, string TimeZone)
    {
        public ActionDraft Draft(bool exact) => exact ? Typed with { Deadline = DateTimeOffset.FromUnixTimeSeconds(DeadlineAt).ToString("O") } : Typed;

        public Dictionary<string, string?> Values() => new()
        {
            [ActionDraft.Fields.Kind] = Typed.Kind,
            [ActionDraft.Fields.Title] = Typed.Title,
            [ActionDraft.Fields.Summary] = Typed.Summary,
            [ActionDraft.Fields.Link] = Typed.Link,
            [ActionDraft.Fields.Deadline] = Typed.Deadline,
            [ActionDraft.Fields.Reminders] = Typed.Reminders,
            [ActionForms.Audience] = string.Join(',', Audience),
            [ActionForms.Dm] = Dm ? "true" : "false",
        };
    }
}
