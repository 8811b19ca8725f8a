using System.Text.Json.Nodes;

namespace CoalitionBot.Slack.SocketMode;

/// <summary>
/// Where envelopes go once parsed: <see cref="Acknowledge"/> is the fast part whose result rides in
/// the ack (a slash command's immediate reply), <see cref="Enqueue"/> hands the work off the receive loop.
/// </summary>
internal sealed record SocketModeInbox(Func<SlackInbound, JsonObject?> Acknowledge, Action<SlackInbound> Enqueue)
{
    /// <summary>The app's wiring: <see cref="SlackDispatcher.Acknowledge"/> and the <see cref="SlackWorkQueue"/>.</summary>
    public static SocketModeInbox For(SlackDispatcher dispatcher, SlackWorkQueue queue) => new(dispatcher.Acknowledge, queue.Enqueue);
}
