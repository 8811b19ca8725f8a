namespace CoalitionBot.Slack.WebApi;

internal sealed partial class SlackApiClient
{
    /// <summary>users.info: name, time zone and whether the account is a bot or deactivated.</summary>
    public async Task<SlackUser> UserInfoAsync(string userId, CancellationToken cancellationToken)
    {
        const string Method = "users.info";
        var reply = await CallAsync(Method, new Dictionary<string, string> { ["user"] = userId }, cancellationToken);
        var user = reply["user"];
        var name = Required(user, "name", Method);
        return new SlackUser(
            Required(user, "id", Method),
            name,
            NonEmpty(Text(user, "real_name")) ?? NonEmpty(Text(user?["profile"], "real_name")) ?? name,
            NonEmpty(Text(user, "tz")),
            Flag(user, "is_bot"),
            Flag(user, "deleted"));
    }

    /// <summary>
    /// A member's IANA time zone from users.info, or null when Slack does not say, names a zone this
    /// machine does not know, or cannot be asked: callers choose their own fallback and say so.
    /// </summary>
    public async Task<string?> TimeZoneOfAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            return (await UserInfoAsync(userId, cancellationToken)).TimeZone is { } zone && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _) ? zone : null;
        }
        catch (SlackApiException)
        {
            return null;
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
