using System.Globalization;
using CoalitionBot.Conversation;

namespace CoalitionBot.Actions;

/// <summary>The words of an action's messages: what it is, until when, and the three buttons.</summary>
internal static class ActionText
{
    /// <summary>The deadline in a zone, e.g. "Fri 5 Dec 2026, 17:00 (Europe/Brussels)".</summary>
    public static string Deadline(AdvocacyAction action, string? zone = null) => Deadline(action.Deadline, zone ?? action.TimeZone);

    public static string Deadline(DateTimeOffset deadline, string zone)
    {
        var tz = DeadlineReader.Zone(zone);
        return TimeZoneInfo.ConvertTime(deadline, tz).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + $" ({tz.Id})";
    }

    public static string Describe(AdvocacyAction action) =>
        $"{ActionKinds.Label(action.Kind)}: {action.Title}\n"
        + (action.Summary.Length > 0 ? action.Summary + "\n" : "")
        + (action.Link is { } link ? $"Read it: {link}\n" : "")
        + $"Deadline: {Deadline(action)}";

    public static IReadOnlyList<ReplyButton> Buttons(AdvocacyAction action) =>
    [
        new(action.Kind == ActionKind.SignOn ? "Sign on for my organisation" : "Count my organisation in", ReplyActions.SignOn, action.Id),
        new("Decline", ReplyActions.Decline, action.Id),
        new("Remind me later", ReplyActions.RemindLater, action.Id),
    ];
}
