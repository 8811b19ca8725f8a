using System.Globalization;
using System.Text.Json.Nodes;
using CoalitionBot.Actions;
using Newtonsoft.Json.Linq;

namespace CoalitionBot.Teams.AdaptiveCards;

/// <summary>
/// The "new action" form as a coordinator filled it in, carried from the form to the confirmation card and back
/// (Teams keeps no state between two submits: the card's data is the state). <see cref="DeadlineAt"/> is the
/// moment the confirmation showed, so that "in 3 days" means the same moment when the coordinator confirms.
/// </summary>
internal sealed record ActionFormValues(
    string? Kind,
    string? Title,
    string? Summary,
    string? Link,
    string? Deadline,
    string? Reminders,
    string TimeZone,
    bool Dm,
    string? Conversation = null,
    long? DeadlineAt = null,
    string? RequestId = null)
{
    public const string TimeZoneKey = "timeZone";
    public const string DmKey = "dm";
    public const string DraftKey = "draft";
    private const string ConversationKey = "conversation";
    private const string DeadlineAtKey = "deadlineAt";
    private const string RequestIdKey = "requestId";

    public static ActionFormValues Empty(string timeZone) => new("sign-on", null, null, null, null, "3 days, 1 day, 2 hours", timeZone, false);

    /// <summary>The draft as typed, or with the confirmed moment as its deadline once there is one.</summary>
    public ActionDraft ToDraft(bool confirmed = false) => new(
        Kind, Title, Summary, Link,
        confirmed && DeadlineAt is { } at ? DateTimeOffset.FromUnixTimeSeconds(at).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : Deadline,
        Reminders, TimeZone);

    /// <summary>A form submit: Teams merges the inputs (by their ids) into the submit's data.</summary>
    public static ActionFormValues FromForm(JObject value, string fallbackZone) => From(value, fallbackZone);

    /// <summary>The draft carried in a confirmation card's button.</summary>
    public static ActionFormValues FromDraft(JObject value, string fallbackZone) =>
        From(value[DraftKey] as JObject ?? [], fallbackZone);

    public JsonObject ToJson() => new()
    {
        [ActionDraft.Fields.Kind] = Kind,
        [ActionDraft.Fields.Title] = Title,
        [ActionDraft.Fields.Summary] = Summary,
        [ActionDraft.Fields.Link] = Link,
        [ActionDraft.Fields.Deadline] = Deadline,
        [ActionDraft.Fields.Reminders] = Reminders,
        [TimeZoneKey] = TimeZone,
        [DmKey] = Dm,
        [ConversationKey] = Conversation,
        [DeadlineAtKey] = DeadlineAt,
        [RequestIdKey] = RequestId,
    };

    private static ActionFormValues From(JObject data, string fallbackZone) => new(
        Str(data, ActionDraft.Fields.Kind),
        Str(data, ActionDraft.Fields.Title),
        Str(data, ActionDraft.Fields.Summary),
        Str(data, ActionDraft.Fields.Link),
        Str(data, ActionDraft.Fields.Deadline),
        Str(data, ActionDraft.Fields.Reminders),
        Str(data, TimeZoneKey) is { Length: > 0 } zone ? zone : fallbackZone,
        // A toggle submits "true"/"false" as text; the draft we wrote ourselves carries a boolean.
        data.TryGetValue(DmKey, StringComparison.Ordinal, out var dm) && (dm.Type == JTokenType.Boolean ? (bool)dm! : string.Equals((string?)dm, "true", StringComparison.OrdinalIgnoreCase)),
        Str(data, ConversationKey),
        data.TryGetValue(DeadlineAtKey, StringComparison.Ordinal, out var at) && at.Type == JTokenType.Integer ? (long)at : null,
        Str(data, RequestIdKey));

    private static string? Str(JObject data, string key) =>
        !data.TryGetValue(key, StringComparison.Ordinal, out var token) ? null
        : token.Type == JTokenType.String ? (string?)token
        : token is JValue { Value: var date } && token.Type == JTokenType.Date ? Typed(date)
        : null;

    /// <summary>
    /// Newtonsoft, which reads the activity, turns text that looks like an ISO date into a date; a coordinator who typed
    /// "2026-12-05T17:00+01:00" must get that moment back, and a date without an offset stays in their own zone.
    /// </summary>
    private static string? Typed(object? date) => date switch
    {
        DateTimeOffset moment => moment.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        DateTime { Kind: DateTimeKind.Unspecified } local => local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateTime moment => new DateTimeOffset(moment).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        _ => null,
    };
}
