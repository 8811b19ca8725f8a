namespace CoalitionBot.Slack.WebApi;

internal sealed partial class SlackApiClient
{
    /// <summary>auth.test: who the bot token belongs to; call it once at start-up and keep the answer.</summary>
    public async Task<SlackIdentity> AuthTestAsync(CancellationToken cancellationToken)
    {
        const string Method = "auth.test";
        var reply = await CallAsync(Method, new Dictionary<string, string>(), cancellationToken);
        return new SlackIdentity(Required(reply, "user_id", Method), Text(reply, "bot_id"), Required(reply, "team_id", Method));
    }
}
