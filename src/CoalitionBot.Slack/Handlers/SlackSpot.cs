using System.Text.Json;

namespace CoalitionBot.Slack.Handlers;

/// <summary>
/// Where on Slack a person did something, and what Slack gave us to answer them with: the channel and message a
/// button was on, whether that message was ephemeral, its response_url, and a trigger_id that can open a modal.
/// </summary>
internal sealed record SlackSpot(string User, string? Channel, string? MessageTs, string? ThreadTs, bool IsEphemeral, string? ResponseUrl, string? TriggerId)
{
    /// <summary>A block_actions payload: the container names the message; a message in a thread names its thread.</summary>
    public static SlackSpot OfClick(JsonElement payload, string user)
    {
        var container = payload.Obj("container");
        var message = payload.Obj("message");
        return new SlackSpot(
            user,
            container.Str("channel_id") ?? payload.Obj("channel").Str("id"),
            container.Str("message_ts") ?? message.Str("ts"),
            message.Str("thread_ts"),
            container.Bool("is_ephemeral"),
            payload.Str("response_url"),
            payload.Str("trigger_id"));
    }

    /// <summary>A slash command: typed in a channel, answered through its response_url.</summary>
    public static SlackSpot OfCommand(JsonElement command) =>
        new(command.Str("user_id") ?? "", command.Str("channel_id"), null, null, true, command.Str("response_url"), command.Str("trigger_id"));
}
