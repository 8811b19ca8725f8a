using System.Net;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Teams.Connector;

/// <summary>
/// Bot Connector calls made again after a transient refusal. CloudAdapter does not retry (teams-protocol.md
/// section 6), so this does: 429 waits for Retry-After (or backs off exponentially with jitter), 412/502/503/504
/// back off; other errors (403, 404, 413) fail at once. One policy for proactive sends and for the replies and card
/// updates of a turn; a turn gives it a time budget, because Teams waits for the turn's answer.
/// </summary>
internal sealed partial class ConnectorRetry(TimeProvider time, ILogger<ConnectorRetry> logger)
{
    public const int MaxAttempts = 4;

    /// <summary>
    /// How long the retries of one in-turn reply may wait in all: Teams gives a bot about 15 seconds to answer the
    /// activity it posted, and the apology that follows a give-up must still fit.
    /// </summary>
    public static readonly TimeSpan InTurnBudget = TimeSpan.FromSeconds(8);

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(60);
    private static readonly HashSet<HttpStatusCode> Transient =
        [HttpStatusCode.TooManyRequests, HttpStatusCode.PreconditionFailed, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout];

    /// <summary>
    /// Makes the call, and again after a transient failure while attempts and <paramref name="budget"/> last; the
    /// last failure is thrown. <paramref name="beforeEach"/> runs before every attempt (a pacer's turn).
    /// </summary>
    public async Task<T> RunAsync<T>(string conversationId, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken, TimeSpan? budget = null, Func<CancellationToken, Task>? beforeEach = null)
    {
        var waited = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (beforeEach is not null)
                {
                    await beforeEach(cancellationToken);
                }
                return await call(cancellationToken);
            }
            catch (ErrorResponseException e) when (e.Response is { } response && Transient.Contains(response.StatusCode) && attempt < MaxAttempts
                && Wait(response.Headers, attempt) is var wait && (budget is null || waited + wait <= budget))
            {
                Log.Retrying(logger, conversationId, (int)response.StatusCode, attempt, wait);
                waited += wait;
                await Task.Delay(wait, time, cancellationToken);
            }
            catch (ErrorResponseException e)
            {
                Log.Failed(logger, conversationId, (int?)e.Response?.StatusCode ?? 0, attempt);
                throw;
            }
        }
    }

    /// <summary>As <see cref="RunAsync{T}"/> for a call without a result.</summary>
    public Task RunAsync(string conversationId, Func<CancellationToken, Task> call, CancellationToken cancellationToken, TimeSpan? budget = null, Func<CancellationToken, Task>? beforeEach = null) =>
        RunAsync(conversationId, async ct => { await call(ct); return true; }, cancellationToken, budget, beforeEach);

    /// <summary>Retry-After in seconds when the connector gave one (bounded), else 1 s, 2 s, 4 s … with up to 50% jitter.</summary>
    private static TimeSpan Wait(IDictionary<string, IEnumerable<string>>? headers, int attempt)
    {
        if (headers is not null && headers.TryGetValue("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, LongestWait.TotalSeconds));
        }
        var backoff = FirstBackoff * Math.Pow(2, attempt - 1);
        return backoff + backoff * (Random.Shared.NextDouble() / 2);
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Warning, "Teams call for {ConversationId} got {StatusCode} (attempt {Attempt}); retrying in {Wait}")]
        public static partial void Retrying(ILogger logger, string conversationId, int statusCode, int attempt, TimeSpan wait);

        [LoggerMessage(LogLevel.Error, "Teams call for {ConversationId} failed with {StatusCode} after {Attempt} attempts")]
        public static partial void Failed(ILogger logger, string conversationId, int statusCode, int attempt);
    }
}
