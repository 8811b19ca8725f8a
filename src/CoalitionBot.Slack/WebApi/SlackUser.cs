namespace CoalitionBot.Slack.WebApi;

/// <summary>
/// A workspace member from users.info. <paramref name="RealName"/> falls back to the profile's and
/// then to <paramref name="Name"/>; <paramref name="TimeZone"/> is an IANA name and may be null.
/// </summary>
internal sealed record SlackUser(string Id, string Name, string RealName, string? TimeZone, bool IsBot, bool Deleted);
