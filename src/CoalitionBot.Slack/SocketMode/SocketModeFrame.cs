using System.Text.Json;

namespace CoalitionBot.Slack.SocketMode;

/// <summary>
/// One text frame from Slack, parsed by its <c>type</c>: <see cref="Hello"/>, <see cref="Disconnect"/>,
/// an <see cref="Envelope"/>, or <see cref="UnreadableFrame"/> for anything else. Unknown fields are ignored
/// and parsing never throws, so junk from the wire cannot stop the receive loop.
/// </summary>
internal abstract record SocketModeFrame
{
    public static SocketModeFrame Parse(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return new UnreadableFrame("not JSON");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new UnreadableFrame("not a JSON object");
            }
            var type = root.Text("type");
            var envelopeId = root.Text("envelope_id");
            return type switch
            {
                "hello" => new Hello(
                    root.Number("num_connections"),
                    root.TryGetProperty("debug_info", out var debug) && debug.ValueKind == JsonValueKind.Object ? debug.Number("approximate_connection_time") : null),
                "disconnect" => new Disconnect(root.Text("reason") ?? ""),
                null => new UnreadableFrame("no type"),
                _ when string.IsNullOrEmpty(envelopeId) => new UnreadableFrame("no envelope_id"),
                _ => new Envelope(
                    envelopeId,
                    type,
                    root.TryGetProperty("payload", out var payload) ? payload.Clone() : default,
                    root.TryGetProperty("accepts_response_payload", out var accepts) && accepts.ValueKind == JsonValueKind.True,
                    root.Number("retry_attempt") ?? 0,
                    root.Text("retry_reason")),
            };
        }
    }
}

/// <summary>A frame the client cannot use: not JSON, not an object, or without a type or envelope id.</summary>
internal sealed record UnreadableFrame(string Why) : SocketModeFrame;

file static class JsonElementExtensions
{
    public static string? Text(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static int? Number(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;
}
