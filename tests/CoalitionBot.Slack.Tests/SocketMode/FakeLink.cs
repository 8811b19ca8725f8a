using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace CoalitionBot.Slack.Tests.SocketMode;

/// <summary>One Socket Mode link seen from Slack's side: send frames, read what the client sent back.</summary>
internal sealed class FakeLink(WebSocket socket, int number, string ticket, int otherOpenLinksWhenAccepted)
{
    private readonly Channel<string> _received = Channel.CreateUnbounded<string>();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly TaskCompletionSource<WebSocketCloseStatus?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>1 for the client's first link, 2 for the next…</summary>
    public int Number { get; } = number;

    /// <summary>The <c>ticket</c> query value of the URL the client connected to.</summary>
    public string Ticket { get; } = ticket;

    /// <summary>How many earlier links were still open when this one was accepted.</summary>
    public int OtherOpenLinksWhenAccepted { get; } = otherOpenLinksWhenAccepted;

    /// <summary>Completes when the link ends: the client's close status, or null if it broke.</summary>
    public Task<WebSocketCloseStatus?> Closed => _closed.Task;

    public Task SendHelloAsync() =>
        SendAsync("""{"type":"hello","num_connections":1,"debug_info":{"host":"applink-test","build_number":1,"approximate_connection_time":18060},"connection_info":{"app_id":"A1"}}""");

    public Task SendDisconnectAsync(string reason) =>
        SendAsync($$$"""{"type":"disconnect","reason":"{{{reason}}}","debug_info":{"host":"wss-test"}}""");

    /// <summary>Sends an envelope as Slack does and returns its envelope_id.</summary>
    public async Task<string> SendEnvelopeAsync(string type, JsonNode? payload, string? envelopeId = null, bool acceptsResponsePayload = false, int retryAttempt = 0)
    {
        envelopeId ??= Guid.NewGuid().ToString();
        var envelope = new JsonObject
        {
            ["envelope_id"] = envelopeId,
            ["type"] = type,
            ["payload"] = payload,
            ["accepts_response_payload"] = acceptsResponsePayload,
            ["retry_attempt"] = retryAttempt,
            ["retry_reason"] = retryAttempt > 0 ? "timeout" : "",
            ["a_field_from_the_future"] = new JsonObject { ["x"] = 1 },
        };
        await SendAsync(envelope.ToJsonString());
        return envelopeId;
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, fragments: 1);

    public async Task SendAsync(byte[] bytes, WebSocketMessageType type, int fragments)
    {
        await _sending.WaitAsync();
        try
        {
            var size = Math.Max(1, (bytes.Length + fragments - 1) / fragments);
            var offset = 0;
            do
            {
                var count = Math.Min(size, bytes.Length - offset);
                await socket.SendAsync(bytes.AsMemory(offset, count), type, endOfMessage: offset + count >= bytes.Length, CancellationToken.None);
                offset += count;
            }
            while (offset < bytes.Length);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>The next text frame the client sent on this link.</summary>
    public async Task<string> NextFrameAsync() => await _received.Reader.ReadAsync().AsTask().WaitAsync(FakeSocketModeServer.Patience);

    /// <summary>The next frame, which must be an ack: a JSON object with an envelope_id.</summary>
    public async Task<JsonObject> NextAckAsync()
    {
        var ack = JsonNode.Parse(await NextFrameAsync())!.AsObject();
        Assert.NotNull(ack["envelope_id"]);
        return ack;
    }

    /// <summary>Starts a close handshake from Slack's side.</summary>
    public async Task CloseAsync()
    {
        await _sending.WaitAsync();
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Drops the connection without a close handshake, as a network failure would.</summary>
    public void Abort() => socket.Abort();

    internal async Task ReceiveUntilClosedAsync(CancellationToken aborted)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            using var message = new MemoryStream();
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, aborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    }
                    _closed.TrySetResult(result.CloseStatus);
                    return;
                }
                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    _received.Writer.TryWrite(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
                    message.SetLength(0);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _closed.TrySetResult(null); // aborted by the test or dropped by the client
        }
    }
}
