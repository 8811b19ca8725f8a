using System.Text.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Actions;
using CoalitionBot.Conversation;
using CoalitionBot.Slack.BlockKit;

namespace CoalitionBot.Slack.Handlers;

/// <summary>
/// <c>/coalition …</c>: Core reads the text (<see cref="SlashCommand"/>) into what the member would type in a DM, and
/// it is answered with the same words. The ack (within 3 s) says "looking that up", refuses what the member may not
/// do, or carries the help; the answer follows through the response_url, the tour in the member's DM (where they can
/// come back to it), and a form opens as a modal with the command's trigger.
/// </summary>
internal sealed class SlackCommandHandler(
    SlackQuestionAnswerer answerer, SlackReplier replier, ActionInteractions actions, SlackDirectMessages directMessages)
{
    public JsonObject? Acknowledge(JsonElement command)
    {
        var read = SlashCommand.Read(command.Str("text"));
        return read.Kind switch
        {
            SlashCommandKind.Action => actions.Acknowledgement(Where(command, read), read.Action!) is { } text ? Ephemeral(Mrkdwn.Escape(text)) : null,
            SlashCommandKind.Tour => Ephemeral("The tour continues in our direct messages: look for CoalitionBot under Apps."),
            SlashCommandKind.Question when read.Message.Length == 0 => Ephemeral(SlashCommand.EmptyQuestion),
            SlashCommandKind.Question => Ephemeral($"Looking that up: “{Mrkdwn.Escape(Mrkdwn.Cut(read.Message, 200))}”…"),
            _ => Help(),
        };
    }

    public async Task HandleAsync(JsonElement command, CancellationToken cancellationToken)
    {
        var read = SlashCommand.Read(command.Str("text"));
        var spot = SlackSpot.OfCommand(command);
        if (spot.User.Length == 0 || read.Kind == SlashCommandKind.Help || read.Message.Length == 0)
        {
            return;
        }
        if (read.Kind == SlashCommandKind.Action && actions.Acknowledgement(Where(command, read), read.Action!) == ActionCommands.NotCoordinator)
        {
            return;   // the ack said so
        }
        if (read.Kind == SlashCommandKind.Tour)
        {
            var dm = await directMessages.ChannelAsync(spot.User, cancellationToken);
            await answerer.AnswerInThreadAsync(spot.User, dm, null, read.Message, cancellationToken);
            return;
        }
        var reply = await answerer.ReplyAsync(spot.User, spot.Channel ?? "", null, read.Message, cancellationToken);
        if (reply.Form is not null || spot.ResponseUrl is not null)
        {
            await replier.ShowAsync(spot, reply, cancellationToken);
        }
    }

    private static IncomingMessage Where(JsonElement command, SlashCommand read) =>
        new(Platforms.Slack, command.Str("user_id") ?? "", command.Str("channel_id") ?? "", null, read.Message);

    private static JsonObject Ephemeral(string text) => new() { ["response_type"] = "ephemeral", ["text"] = text };

    private static JsonObject Help()
    {
        var help = ConversationEngine.Help();
        return new JsonObject { ["response_type"] = "ephemeral", ["text"] = ReplyBlocks.Fallback(help), ["blocks"] = ReplyBlocks.Render(help) };
    }
}
