using System.Text.Json;

namespace CoalitionBot.Slack;

public enum SlackInboundKind
{
    /// <summary>An Events API <c>event_callback</c> body (Socket Mode <c>events_api</c> payload).</summary>
    Event,

    /// <summary>Slash command fields as a JSON object (Socket Mode <c>slash_commands</c> payload; HTTP form fields turned into an object).</summary>
    SlashCommand,

    /// <summary>An interaction payload: block_actions, view_submission, … (Socket Mode <c>interactive</c>; HTTP form field <c>payload</c>).</summary>
    Interaction,
}

/// <summary>
/// One thing Slack sent, whatever the transport: Socket Mode envelopes and HTTP requests both
/// become this, so one dispatcher serves both (Bolt's "receiver event").
/// </summary>
/// <param name="RetryAttempt">0 on first delivery; Socket Mode <c>retry_attempt</c> or HTTP <c>X-Slack-Retry-Num</c>.</param>
public sealed record SlackInbound(SlackInboundKind Kind, JsonElement Payload, int RetryAttempt = 0);
