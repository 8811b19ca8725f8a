using System.Text.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Conversation;
using CoalitionBot.Slack.BlockKit;

namespace CoalitionBot.Slack.Handlers;

/// <summary>
/// <c>/coalition ask &lt;question&gt;</c> and <c>/coalition help</c>. The ack (within 3 s) says
/// "looking that up" or carries the help; the answer follows through the response_url.
/// Anything else gets the help, ephemeral.
/// </summary>
internal sealed class SlackCommandHandler(SlackQuestionAnswerer answerer, SlackReplier replier)
{
    public static JsonObject Acknowledge(JsonElement command)
    {
        if (Question(command) is { } question)
        {
            return new JsonObject
            {
                ["response_type"] = "ephemeral",
                ["text"] = question.Length == 0
                    ? "Please add a question after `ask`, for example: `/coalition ask What can diaspora groups do in a crisis?`"
                    : $"Looking that up: “{Mrkdwn.Escape(Mrkdwn.Cut(question, 200))}”…",
            };
        }
        var help = ConversationEngine.Help();
        return new JsonObject
        {
            ["response_type"] = "ephemeral",
            ["text"] = ReplyBlocks.Fallback(help),
            ["blocks"] = ReplyBlocks.Render(help),
        };
    }

    public async Task HandleAsync(JsonElement command, CancellationToken cancellationToken)
    {
        if (Question(command) is not { Length: > 0 } question || command.Str("user_id") is not { } user || command.Str("response_url") is not { } responseUrl)
        {
            return;
        }
        var reply = await answerer.ReplyAsync(user, command.Str("channel_id") ?? "", null, question, cancellationToken);
        await replier.RespondAsync(responseUrl, reply, replaceOriginal: false, cancellationToken);
    }

    /// <summary>The question after "ask", empty when there is none, null when the command is not "ask".</summary>
    private static string? Question(JsonElement command)
    {
        var text = (command.Str("text") ?? "").Trim();
        return text.Equals("ask", StringComparison.OrdinalIgnoreCase) ? ""
            : text.StartsWith("ask ", StringComparison.OrdinalIgnoreCase) ? text[4..].Trim()
            : null;
    }
}
