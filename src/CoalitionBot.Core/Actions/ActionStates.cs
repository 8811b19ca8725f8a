namespace CoalitionBot.Actions;

/// <summary>
/// An action's lifecycle. <b>scheduled</b>: created to go out later, nothing sent yet. <b>open</b>: sent, taking
/// answers. <b>closing</b>: in its last reminder window — from the last reminder (the deadline minus the smallest
/// offset) to the deadline, or the last 24 hours when it has no reminders; still taking answers. <b>closed</b>: past
/// the deadline or closed by a coordinator. <b>cancelled</b>: called off by a coordinator; the audience was told.
/// </summary>
public static class ActionStates
{
    public const string Scheduled = "scheduled";
    public const string Open = "open";
    public const string Closing = "closing";
    public const string Closed = "closed";
    public const string Cancelled = "cancelled";

    /// <summary>The closing window of an action without reminders.</summary>
    public static readonly TimeSpan ClosingWithoutReminders = TimeSpan.FromDays(1);

    public static string Of(AdvocacyAction action, DateTimeOffset now)
    {
        if (action.CancelledAt is not null)
        {
            return Cancelled;
        }
        if (action.IsClosedAt(now))
        {
            return Closed;
        }
        if (action.SendAt is { } sendAt && sendAt > now)
        {
            return Scheduled;
        }
        var offsets = action.ReminderOffsets.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(System.Xml.XmlConvert.ToTimeSpan).ToList();
        var window = offsets.Count > 0 ? offsets.Min() : ClosingWithoutReminders;
        return now >= action.Deadline - window ? Closing : Open;
    }

    /// <summary>"open" or "closed", the status clients read before the lifecycle existed.</summary>
    public static string Status(AdvocacyAction action, DateTimeOffset now) => action.IsClosedAt(now) ? Closed : Open;
}
