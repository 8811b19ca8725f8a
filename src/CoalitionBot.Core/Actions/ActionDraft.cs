using System.Globalization;

namespace CoalitionBot.Actions;

/// <summary>
/// An action as a coordinator fills it in on Slack's modal or Teams' card: plain text fields, the
/// deadline in their own words. <see cref="Check"/> reads it in their zone, field by field, so each
/// form can put an error beside the field that caused it.
/// </summary>
public sealed record ActionDraft(
    string? Kind,
    string? Title,
    string? Summary,
    string? Link,
    string? Deadline,
    string? Reminders,
    string? TimeZone)
{
    public const int MaxTitle = ActionService.MaxTitle;

    // Slack carries the draft in a modal's private_metadata, at most 3,000 characters in all.
    public const int MaxSummary = 1500;

    /// <summary>The form's field names, the same on every platform.</summary>
    public static class Fields
    {
        public const string Kind = "kind";
        public const string Title = "title";
        public const string Summary = "summary";
        public const string Link = "link";
        public const string Deadline = "deadline";
        public const string Reminders = "reminders";
    }

    /// <summary>The draft read and checked: the deadline as a moment and the offsets as ISO 8601, or an error per field.</summary>
    public DraftCheck Check(DateTimeOffset now)
    {
        var errors = new Dictionary<string, string>();
        if (!ActionKinds.TryParse(Kind, out _))
        {
            errors[Fields.Kind] = $"Choose one of: {ActionKinds.Names}.";
        }
        if (string.IsNullOrWhiteSpace(Title))
        {
            errors[Fields.Title] = "Give the action a title.";
        }
        else if (Title.Trim().Length > MaxTitle)
        {
            errors[Fields.Title] = $"Keep the title under {MaxTitle} characters.";
        }
        if (Summary?.Length > MaxSummary)
        {
            errors[Fields.Summary] = $"Keep the summary under {MaxSummary} characters; the link can carry the rest.";
        }
        if (!string.IsNullOrWhiteSpace(Link) && !ActionService.IsWebAddress(Link))
        {
            errors[Fields.Link] = "Give a web address starting with https://.";
        }
        var deadline = DeadlineReader.Read(Deadline, TimeZone, now);
        if (deadline.Problem is { } late)
        {
            errors[Fields.Deadline] = late;
        }
        var (offsets, offsetProblem) = ReminderOffsets.Read(Reminders);
        if (offsetProblem is not null)
        {
            errors[Fields.Reminders] = offsetProblem;
        }
        return errors.Count > 0 ? new DraftCheck(null, null, errors) : new DraftCheck(deadline.Deadline, offsets, errors);
    }

    /// <summary>The request for <see cref="ActionService.CreateAsync"/>, once <see cref="Check"/> found nothing wrong.</summary>
    public NewAction ToNewAction(DraftCheck check, IReadOnlyList<NewAudience> audience, NewCoordinator coordinator) => new(
        string.IsNullOrWhiteSpace(Kind) ? ActionKinds.Default : Kind,
        Title?.Trim(),
        Summary?.Trim(),
        string.IsNullOrWhiteSpace(Link) ? null : Link.Trim(),
        check.Deadline,
        DeadlineReader.Zone(TimeZone).Id,
        audience,
        check.Offsets,
        coordinator);

    /// <summary>What the coordinator confirms before anything is sent: the deadline as read, in their zone.</summary>
    public string Confirmation(DraftCheck check, int audiences, bool dm)
    {
        ActionKinds.TryParse(Kind, out var kind);
        var utc = check.Deadline!.Value.UtcDateTime.ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);
        return $"{ActionKinds.Label(kind)}: {Title!.Trim()}\n"
            + $"Deadline: {DeadlineReader.Describe(check.Deadline.Value, TimeZone)} — {utc} UTC\n"
            + $"Reminders: {ReminderOffsets.Describe(check.Offsets!)}, to those who have not answered\n"
            + $"Goes to {audiences} {(audiences == 1 ? "conversation" : "conversations")}{(dm ? ", and to each member by direct message" : "")}.";
    }
}

/// <summary>The outcome of <see cref="ActionDraft.Check"/>; <see cref="Errors"/> is keyed by <see cref="ActionDraft.Fields"/>.</summary>
public sealed record DraftCheck(DateTimeOffset? Deadline, IReadOnlyList<string>? Offsets, IReadOnlyDictionary<string, string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
