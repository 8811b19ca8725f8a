using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Slack.SocketMode;

/// <summary>
/// Acks each envelope on the socket that brought it, then hands the work to the inbox. Slack counts
/// an envelope as lost after about 3 s without an ack, so nothing slow happens here: the ack carries
/// at most the acknowledge function's quick reply, and the work runs off the receive loop.
/// </summary>
internal sealed partial class EnvelopeHandler(SocketModeInbox inbox, SeenEnvelopes seen, ILogger logger)
{
    public async Task HandleAsync(Envelope envelope, IWebSocket socket, CancellationToken cancellationToken)
    {
        var inbound = envelope.ToInbound();
        if (inbound is null)
        {
            // Acked all the same, so Slack does not redeliver what this client will never handle.
            Log.Unhandled(logger, envelope.Type, envelope.EnvelopeId);
        }
        try
        {
            await socket.SendTextAsync(Ack(envelope, inbound), cancellationToken);
            Log.Acked(logger, envelope.Type, envelope.EnvelopeId, envelope.RetryAttempt);
        }
        finally
        {
            // Even when the ack could not be sent: the work is queued once, and Slack's redelivery is acked and dropped.
            if (inbound is not null)
            {
                Enqueue(envelope, inbound);
            }
        }
    }

    private string Ack(Envelope envelope, SlackInbound? inbound)
    {
        var payload = envelope.AcceptsResponsePayload && inbound is not null ? Acknowledge(inbound, envelope) : null;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("envelope_id", envelope.EnvelopeId);
            if (payload is not null)
            {
                json.WritePropertyName("payload");
                payload.WriteTo(json);
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private JsonObject? Acknowledge(SlackInbound inbound, Envelope envelope)
    {
        try
        {
            return inbox.Acknowledge(inbound);
        }
        catch (Exception e)
        {
            // The per-envelope boundary: Slack still gets a plain ack, and the work still runs.
            Log.AcknowledgeFailed(logger, e, inbound.Kind, envelope.EnvelopeId);
            return null;
        }
    }

    private void Enqueue(Envelope envelope, SlackInbound inbound)
    {
        if (!seen.FirstTime(envelope.EnvelopeId, envelope.EventId))
        {
            Log.Redelivered(logger, envelope.Type, envelope.EnvelopeId, envelope.EventId, envelope.RetryAttempt);
            return;
        }
        try
        {
            inbox.Enqueue(inbound);
        }
        catch (Exception e)
        {
            Log.EnqueueFailed(logger, e, inbound.Kind, envelope.EnvelopeId);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Debug, "Acked {Type} envelope {EnvelopeId} (retry {RetryAttempt})")]
        public static partial void Acked(ILogger logger, string type, string envelopeId, int retryAttempt);

        [LoggerMessage(LogLevel.Warning, "Acked but ignored a Socket Mode envelope {EnvelopeId} of type {Type} (unknown type, or its payload is not an object)")]
        public static partial void Unhandled(ILogger logger, string type, string envelopeId);

        [LoggerMessage(LogLevel.Information, "Slack redelivered {Type} envelope {EnvelopeId} (event {EventId}, retry {RetryAttempt}); acked again, handled once")]
        public static partial void Redelivered(ILogger logger, string type, string envelopeId, string? eventId, int retryAttempt);

        [LoggerMessage(LogLevel.Error, "Building the ack for a Slack {Kind} (envelope {EnvelopeId}) failed; sent a plain ack")]
        public static partial void AcknowledgeFailed(ILogger logger, Exception exception, SlackInboundKind kind, string envelopeId);

        [LoggerMessage(LogLevel.Error, "Queueing a Slack {Kind} (envelope {EnvelopeId}) failed")]
        public static partial void EnqueueFailed(ILogger logger, Exception exception, SlackInboundKind kind, string envelopeId);
    }
}
