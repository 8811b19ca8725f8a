using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Slack.SocketMode;

/// <summary>
/// <see cref="IWebSocket"/> over <see cref="ClientWebSocket"/>, which answers Slack's pings itself.
/// Its own pings with <see cref="ClientWebSocketOptions.KeepAliveTimeout"/> turn a half-open link
/// into a failed receive, and so into a reconnect.
/// </summary>
internal sealed partial class ClientWebSocketAdapter(SocketModeOptions options, TimeProvider time, ILogger<ClientWebSocketAdapter> logger) : IWebSocket
{
    /// <summary>Far above any envelope Slack sends (messages are capped at 40,000 characters); protects memory from a broken peer.</summary>
    private const int MaxMessageBytes = 8 * 1024 * 1024;

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly byte[] _buffer = new byte[16 * 1024];

    public Task ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        _socket.Options.KeepAliveInterval = options.KeepAliveInterval;
        _socket.Options.KeepAliveTimeout = options.KeepAliveTimeout;
        return _socket.ConnectAsync(url, cancellationToken);
    }

    public async Task SendTextAsync(string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        // ClientWebSocket allows one send at a time, and a close handshake counts as a send.
        await _sending.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sending.Release();
        }
    }

    public async Task<string?> ReceiveTextAsync(CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        var tooLong = false;
        while (true)
        {
            var result = await _socket.ReceiveAsync(_buffer.AsMemory(), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            if (result.EndOfMessage && message.Length == 0 && result.MessageType == WebSocketMessageType.Text)
            {
                return Encoding.UTF8.GetString(_buffer, 0, result.Count); // the usual case: one fragment
            }
            tooLong |= message.Length + result.Count > MaxMessageBytes;
            if (!tooLong)
            {
                message.Write(_buffer, 0, result.Count);
            }
            if (!result.EndOfMessage)
            {
                continue;
            }
            if (result.MessageType == WebSocketMessageType.Binary)
            {
                Log.SkippedBinary(logger);
            }
            else if (tooLong)
            {
                Log.SkippedOversized(logger, MaxMessageBytes);
            }
            else
            {
                return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
            message.SetLength(0);
            tooLong = false;
        }
    }

    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.CloseTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _sending.WaitAsync(linked.Token);
                try
                {
                    await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, linked.Token);
                }
                finally
                {
                    _sending.Release();
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Expected after a disconnect frame: Slack drops the connection without answering the close.
            Log.CloseUnanswered(logger, e.GetType().Name);
        }
        finally
        {
            if (_socket.State != WebSocketState.Closed)
            {
                _socket.Abort();
            }
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        _sending.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Warning, "Skipped a binary Socket Mode message; Slack sends text")]
        public static partial void SkippedBinary(ILogger logger);

        [LoggerMessage(LogLevel.Warning, "Skipped a Socket Mode message longer than {MaxBytes} bytes")]
        public static partial void SkippedOversized(ILogger logger, int maxBytes);

        [LoggerMessage(LogLevel.Debug, "The Socket Mode close handshake was not answered ({Outcome}); aborted the link")]
        public static partial void CloseUnanswered(ILogger logger, string outcome);
    }
}
