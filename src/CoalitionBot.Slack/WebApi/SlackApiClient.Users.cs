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

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
