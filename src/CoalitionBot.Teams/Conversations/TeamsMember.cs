using Microsoft.Bot.Schema;

namespace CoalitionBot.Teams.Conversations;

/// <summary>Who sent an activity and where they are, as Teams describes them.</summary>
internal sealed record TeamsMember(string UserId, string ChannelUserId, string? Name, string? TimeZone, string? Locale)
{
    private const string ClientInfo = "clientInfo";

    /// <summary>
    /// The stable key is the Entra object id (the 29: id differs per bot); the time zone comes from the
    /// clientInfo entity of messages or the top-level localTimezone of invokes, and only if it is a zone we know.
    /// </summary>
    public static TeamsMember From(Activity activity)
    {
        var clientInfo = activity.Entities?.FirstOrDefault(e => string.Equals(e.Type, ClientInfo, StringComparison.OrdinalIgnoreCase));
        var zone = Known((string?)clientInfo?.Properties?["timezone"]) ?? Known(activity.LocalTimezone);
        var locale = activity.Locale is { Length: > 0 } l ? l : (string?)clientInfo?.Properties?["locale"];
        var channelUserId = activity.From?.Id ?? "";
        var userId = activity.From?.AadObjectId is { Length: > 0 } aad ? aad : channelUserId;
        return new TeamsMember(userId, channelUserId, activity.From?.Name, zone, locale);
    }

    private static string? Known(string? zone) =>
        !string.IsNullOrWhiteSpace(zone) && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _) ? zone : null;
}
