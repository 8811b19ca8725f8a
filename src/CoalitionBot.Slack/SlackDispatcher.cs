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
    private readonly SlackActionForm _actionForm;

    internal SlackDispatcher(SlackEventHandler events, SlackCommandHandler commands, SlackInteractionHandler interactions, SlackActionForm actionForm)
    {
        _events = events;
        _commands = commands;
        _interactions = interactions;
        _actionForm = actionForm;
    }

    /// <summary>What the ack carries: for a slash command the immediate ephemeral reply, for a modal its errors or next view, otherwise null (an empty ack).</summary>
    public JsonObject? Acknowledge(SlackInbound inbound) => inbound.Kind switch
    {
        SlackInboundKind.SlashCommand => _commands.Acknowledge(inbound.Payload),
        // A modal's errors must ride in the ack, or Slack closes it.
        SlackInboundKind.Interaction when inbound.Payload.Str("type") == "view_submission"
            && inbound.Payload.Obj("view").Str("callback_id") == SlackActionButtons.SignModal => SlackActionButtons.Validate(inbound.Payload.Obj("view")),
        SlackInboundKind.Interaction when SlackActionForm.Handles(inbound.Payload) => _actionForm.Acknowledge(inbound.Payload),
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
