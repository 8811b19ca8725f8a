using System.Text.Json.Nodes;
using CoalitionBot.Slack.Handlers;

namespace CoalitionBot.Slack;

/// <summary>
/// The one place that decides what an inbound Slack payload means, for both transports:
/// <see cref="Acknowledge"/> is the fast part that goes into the ack (within 3 s),
/// <see cref="ProcessAsync"/> the work that follows it.
/// </summary>
public sealed class SlackDispatcher
{
    private readonly SlackEventHandler _events;
    private readonly SlackCommandHandler _commands;
    private readonly SlackInteractionHandler _interactions;

    internal SlackDispatcher(SlackEventHandler events, SlackCommandHandler commands, SlackInteractionHandler interactions)
    {
        _events = events;
        _commands = commands;
        _interactions = interactions;
    }

    /// <summary>What the ack carries: for a slash command the immediate ephemeral reply, for a modal its errors or next view, otherwise null (an empty ack).</summary>
    public JsonObject? Acknowledge(SlackInbound inbound) => inbound.Kind switch
    {
        SlackInboundKind.SlashCommand => _commands.Acknowledge(inbound.Payload),
        // A modal's errors and next view must ride in the ack, or Slack closes it.
        SlackInboundKind.Interaction when SlackInteractionHandler.IsSubmission(inbound.Payload) => _interactions.Acknowledge(inbound.Payload),
        _ => null,
    };

    public Task ProcessAsync(SlackInbound inbound, CancellationToken cancellationToken) => inbound.Kind switch
    {
        SlackInboundKind.Event => _events.HandleAsync(inbound.Payload, cancellationToken),
        SlackInboundKind.SlashCommand => _commands.HandleAsync(inbound.Payload, cancellationToken),
        SlackInboundKind.Interaction => _interactions.HandleAsync(inbound.Payload, cancellationToken),
        _ => Task.CompletedTask,
    };
}
