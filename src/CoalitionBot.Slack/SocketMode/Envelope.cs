using System.Text.Json;

namespace CoalitionBot.Slack.SocketMode;

/// <summary>
/// A delivery that must be acked with its <see cref="EnvelopeId"/> on the socket that brought it.
/// <see cref="Type"/> is <c>events_api</c>, <c>slash_commands</c>, <c>interactive</c> or one the client does not know.
/// </summary>
/// <param name="Payload">The body (an event_callback, the command fields, an interaction); <c>default</c> when missing.</param>
/// <param name="AcceptsResponsePayload">Whether the ack may carry a <c>payload</c> (slash commands, interactions).</param>
/// <param name="RetryAttempt">0 on first delivery, then 1, 2, … when Slack missed an ack.</param>
internal sealed record Envelope(
    string EnvelopeId,
    string Type,
    JsonElement Payload,
    bool AcceptsResponsePayload,
    int RetryAttempt,
    string? RetryReason) : SocketModeFrame
{
    /// <summary>The work this envelope carries, or null for an unknown type or a payload that is not an object.</summary>
    public SlackInbound? ToInbound()
    {
        SlackInboundKind? kind = Type switch
        {
            "events_api" => SlackInboundKind.Event,
            "slash_commands" => SlackInboundKind.SlashCommand,
            "interactive" => SlackInboundKind.Interaction,
            _ => null,
        };
        return kind is { } known && Payload.ValueKind == JsonValueKind.Object ? new SlackInbound(known, Payload, RetryAttempt) : null;
    }

    /// <summary>The Events API <c>event_id</c>, which stays the same across envelopes and sockets.</summary>
    public string? EventId =>
        Type == "events_api"
        && Payload.ValueKind == JsonValueKind.Object
        && Payload.TryGetProperty("event_id", out var id)
        && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}
