using CoalitionBot.Slack.WebApi;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Slack.SocketMode;

/// <summary>
/// Keeps one Socket Mode link to Slack: a fresh URL, connect, wait for hello, then envelopes are acked
/// and queued by the link's own receive loop. On a <c>disconnect</c> frame the replacement is opened
/// before the old link is closed, so no gap opens during Slack's routine refreshes; a dropped link or a
/// failed connect is retried with a doubling backoff; <c>link_disabled</c> and auth failures stop it.
/// </summary>
internal sealed partial class SocketModeClient(
    SocketUrlSource urls,
    IWebSocketFactory sockets,
    SocketModeInbox inbox,
    IOptions<SocketModeOptions> options,
    TimeProvider time,
    ILogger<SocketModeClient> logger) : BackgroundService
{
    /// <summary>apps.connections.open errors that retrying cannot fix (as @slack/socket-mode treats them).</summary>
    private static readonly HashSet<string> Unrecoverable = ["not_authed", "invalid_auth", "account_inactive", "user_removed_from_team", "team_disabled"];

    private readonly SocketModeOptions _options = options.Value;
    private readonly EnvelopeHandler _envelopes = new(inbox, new SeenEnvelopes(time, options.Value.DedupeWindow), logger);
    private int _opened;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => RunAsync(stoppingToken);

    /// <summary>Runs until <paramref name="cancellationToken"/> fires, Slack disables the link, or the app token is refused.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = new ReconnectBackoff(_options.InitialReconnectDelay, _options.MaxReconnectDelay);
        SocketModeConnection? current = null;
        try
        {
            while (true)
            {
                SocketModeConnection next;
                try
                {
                    next = await ConnectAsync(cancellationToken);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    if (IsUnrecoverable(e))
                    {
                        Log.Refused(logger, e);
                        return;
                    }
                    var delay = backoff.Next();
                    Log.ConnectFailed(logger, e, delay);
                    await Task.Delay(delay, time, cancellationToken);
                    continue;
                }
                if (current is not null)
                {
                    await current.DisposeAsync(); // the replacement said hello, so the old link can go
                }
                current = next;
                backoff.Reset();

                var end = await current.Ended.WaitAsync(cancellationToken);
                if (end.DisconnectReason == Disconnect.LinkDisabled)
                {
                    Log.LinkDisabled(logger);
                    return;
                }
                if (end.DisconnectReason is { } reason && reason != Disconnect.TooManyWebSockets)
                {
                    // warning, refresh_requested or a reason Slack added later: replace now, keep the old link
                    // reading until the new one is ready.
                    if (reason is "warning" or "refresh_requested")
                    {
                        Log.Replacing(logger, current.Number, reason);
                    }
                    else
                    {
                        Log.ReplacingUnknown(logger, current.Number, reason);
                    }
                    continue;
                }
                await current.DisposeAsync();
                current = null;
                var wait = backoff.Next();
                Log.Reconnecting(logger, end.DisconnectReason ?? "link dropped", wait);
                await Task.Delay(wait, time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.Stopping(logger);
        }
        finally
        {
            if (current is not null)
            {
                await current.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// A connected link that said hello, or one that was disabled before hello (for the caller to stop on).
    /// Throws when the URL, the connect or the hello fails.
    /// </summary>
    private async Task<SocketModeConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var url = await urls(cancellationToken);
        var number = Interlocked.Increment(ref _opened);
        // The URL carries a one-time ticket: log the host only.
        Log.Connecting(logger, number, url.Host);
        var connection = await SocketModeConnection.OpenAsync(number, sockets.Create(), url, _envelopes, logger, cancellationToken);
        try
        {
            await Task.WhenAny(connection.Ready, connection.Ended).WaitAsync(_options.HelloTimeout, time, cancellationToken);
            // Asked in this order, not by which task WhenAny returned: both complete asynchronously, so a
            // disconnect right after hello can win that race although hello came first.
            if (connection.Ready.IsCompleted)
            {
                var hello = await connection.Ready;
                Log.Connected(logger, number, url.Host, hello.ApproximateConnectionTime);
                return connection;
            }
            var end = await connection.Ended;
            if (end.DisconnectReason == Disconnect.LinkDisabled)
            {
                return connection; // for the caller to stop on
            }
            throw new IOException($"Socket Mode link {number} ended before Slack said hello ({end.DisconnectReason ?? "closed"}).");
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static bool IsUnrecoverable(Exception e) => e is SlackApiException api && Unrecoverable.Contains(api.Error);

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Debug, "Opening Socket Mode link {Connection} to {Host}")]
        public static partial void Connecting(ILogger logger, int connection, string host);

        [LoggerMessage(LogLevel.Information, "Socket Mode link {Connection} to {Host} is ready; Slack expects to refresh it in about {ConnectionSeconds} s")]
        public static partial void Connected(ILogger logger, int connection, string host, int? connectionSeconds);

        [LoggerMessage(LogLevel.Warning, "Opening a Socket Mode link failed; trying again in {Delay}")]
        public static partial void ConnectFailed(ILogger logger, Exception exception, TimeSpan delay);

        [LoggerMessage(LogLevel.Information, "Replacing Socket Mode link {Connection} after disconnect ({Reason})")]
        public static partial void Replacing(ILogger logger, int connection, string reason);

        [LoggerMessage(LogLevel.Warning, "Slack disconnected Socket Mode link {Connection} for a reason this client does not know ({Reason}); replacing it")]
        public static partial void ReplacingUnknown(ILogger logger, int connection, string reason);

        [LoggerMessage(LogLevel.Warning, "Socket Mode link lost ({Reason}); reconnecting in {Delay}")]
        public static partial void Reconnecting(ILogger logger, string reason, TimeSpan delay);

        [LoggerMessage(LogLevel.Error, "Slack disabled Socket Mode for this app (link_disabled); not reconnecting. Turn Socket Mode back on in the app settings, or set Slack:Mode=Http, and restart.")]
        public static partial void LinkDisabled(ILogger logger);

        [LoggerMessage(LogLevel.Error, "Slack refused to open a Socket Mode link; not retrying. Check Slack:AppToken (an app-level xapp- token with connections:write) and restart.")]
        public static partial void Refused(ILogger logger, Exception exception);

        [LoggerMessage(LogLevel.Information, "Socket Mode is stopping")]
        public static partial void Stopping(ILogger logger);
    }
}
