using Microsoft.Extensions.Logging;

namespace CoalitionBot.Slack.SocketMode;

/// <summary>
/// One Socket Mode link and its receive loop: frames are parsed, envelopes acked on this socket and
/// queued, <see cref="Ready"/> completes on hello and <see cref="Ended"/> on disconnect, close or failure.
/// The loop keeps reading after a <c>disconnect</c> frame, so envelopes Slack still sends on the old
/// link are acked while its replacement opens.
/// </summary>
internal sealed partial class SocketModeConnection : IAsyncDisposable
{
    private readonly IWebSocket _socket;
    private readonly EnvelopeHandler _envelopes;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource<Hello> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<ConnectionEnd> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private Task _receiving = Task.CompletedTask;
    private volatile bool _closing;

    private SocketModeConnection(int number, IWebSocket socket, EnvelopeHandler envelopes, ILogger logger)
    {
        Number = number;
        _socket = socket;
        _envelopes = envelopes;
        _logger = logger;
    }

    /// <summary>Counts the links this client opened, for the logs.</summary>
    public int Number { get; }

    public Task<Hello> Ready => _ready.Task;

    public Task<ConnectionEnd> Ended => _ended.Task;

    /// <summary>Connects and starts receiving; the caller then waits for <see cref="Ready"/> or <see cref="Ended"/>.</summary>
    public static async Task<SocketModeConnection> OpenAsync(
        int number, IWebSocket socket, Uri url, EnvelopeHandler envelopes, ILogger logger, CancellationToken cancellationToken)
    {
        var connection = new SocketModeConnection(number, socket, envelopes, logger);
        try
        {
            await socket.ConnectAsync(url, cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        connection._receiving = Task.Run(connection.ReceiveAsync, CancellationToken.None);
        return connection;
    }

    private async Task ReceiveAsync()
    {
        try
        {
            while (await _socket.ReceiveTextAsync(_stop.Token) is { } text)
            {
                switch (SocketModeFrame.Parse(text))
                {
                    case Hello hello:
                        _ready.TrySetResult(hello);
                        break;
                    case Disconnect disconnect:
                        Log.DisconnectFrame(_logger, Number, disconnect.Reason);
                        _ended.TrySetResult(new ConnectionEnd(disconnect.Reason));
                        break;
                    case Envelope envelope:
                        await _envelopes.HandleAsync(envelope, _socket, _stop.Token);
                        break;
                    case UnreadableFrame unreadable:
                        Log.Unreadable(_logger, Number, unreadable.Why, text.Length);
                        break;
                }
            }
            if (!_closing)
            {
                Log.Closed(_logger, Number);
            }
        }
        catch (Exception) when (_closing)
        {
            // The owner closed this link on purpose; how the last receive ended does not matter.
        }
        catch (Exception e)
        {
            // The link's boundary: a broken socket ends this link, and the client opens another.
            Log.Broke(_logger, e, Number);
        }
        finally
        {
            _ended.TrySetResult(ConnectionEnd.Dropped);
        }
    }

    /// <summary>Closes the link (briefly waiting for Slack's answer), stops the receive loop and frees the socket.</summary>
    public async ValueTask DisposeAsync()
    {
        _closing = true;
        await _socket.CloseAsync(CancellationToken.None);
        await _stop.CancelAsync();
        await _receiving;
        _socket.Dispose();
        _stop.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Information, "Slack asked Socket Mode link {Connection} to disconnect: {Reason}")]
        public static partial void DisconnectFrame(ILogger logger, int connection, string reason);

        [LoggerMessage(LogLevel.Warning, "Ignored a Socket Mode frame on link {Connection}: {Why} ({Length} characters)")]
        public static partial void Unreadable(ILogger logger, int connection, string why, int length);

        [LoggerMessage(LogLevel.Information, "Slack closed Socket Mode link {Connection}")]
        public static partial void Closed(ILogger logger, int connection);

        [LoggerMessage(LogLevel.Warning, "Socket Mode link {Connection} broke")]
        public static partial void Broke(ILogger logger, Exception exception, int connection);
    }
}
