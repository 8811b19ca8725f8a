using CoalitionBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Slack.Handlers;

/// <summary>Who the bot is in the workspace (auth.test, asked once), so that it never answers itself.</summary>
internal sealed partial class SlackIdentityCache(SlackApiClient slack, ILogger<SlackIdentityCache> logger)
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

    /// <summary>
    /// The identity, or null when auth.test cannot be reached right now: a question is still
    /// answered (bot messages are also recognised by their bot_id), and the next event asks again.
    /// </summary>
    public async Task<SlackIdentity?> TryGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await GetAsync(cancellationToken);
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException)
        {
            Log.Unknown(logger, e);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Warning, "auth.test failed; the bot's own user id is unknown for now")]
        public static partial void Unknown(ILogger logger, Exception exception);
    }
}
