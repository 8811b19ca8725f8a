using CoalitionBot.Slack.WebApi;

namespace CoalitionBot.Slack.Handlers;

/// <summary>Who the bot is in the workspace (auth.test, asked once), so that it never answers itself.</summary>
internal sealed class SlackIdentityCache(SlackApiClient slack)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SlackIdentity? _identity;

    public async Task<SlackIdentity> GetAsync(CancellationToken cancellationToken)
    {
        if (_identity is { } known)
        {
            return known;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _identity ??= await slack.AuthTestAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
