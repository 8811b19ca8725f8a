using System.Text.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Actions;
using CoalitionBot.Conversation;
using CoalitionBot.Slack.BlockKit;

namespace CoalitionBot.Slack.Handlers;

/// <summary>
/// <c>/coalition ask &lt;question&gt;</c> and <c>/coalition help</c>. The ack (within 3 s) says
/// "looking that up" or carries the help; the answer follows through the response_url.
/// Anything else gets the help, ephemeral.
/// </summary>
internal sealed class SlackCommandHandler(SlackQuestionAnswerer answerer, SlackReplier replier, ActionService actions)
{
    public static JsonObject Acknowledge(JsonElement command)
    {
        if (ActionCommand(command) is not null)
        {
            return new JsonObject { ["response_type"] = "ephemeral", ["text"] = "Looking up the joint actions…" };
        }
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
        if (ActionCommand(command) is { } wanted && command.Str("response_url") is { } url)
        {
            var text = wanted.Length == 0 ? await ListAsync(cancellationToken) : await StatusAsync(wanted, cancellationToken);
            await replier.RespondAsync(url, new Reply(ReplyKind.Announcement, text, null, []), replaceOriginal: false, cancellationToken);
            return;
        }
        if (Question(command) is not { Length: > 0 } question || command.Str("user_id") is not { } user || command.Str("response_url") is not { } responseUrl)
        {
            return;
        }
        var reply = await answerer.ReplyAsync(user, command.Str("channel_id") ?? "", null, question, cancellationToken);
        await replier.RespondAsync(responseUrl, reply, replaceOriginal: false, cancellationToken);
    }

    /// <summary>"" for <c>actions</c> (the list), the id for <c>action status &lt;id&gt;</c>, null for anything else.</summary>
    private static string? ActionCommand(JsonElement command)
    {
        var words = (command.Str("text") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words switch
        {
            ["actions"] => "",
            ["action", "status", var id] => id,
            _ => null,
        };
    }

    private async Task<string> ListAsync(CancellationToken cancellationToken)
    {
        var open = (await actions.ListAsync(cancellationToken)).Where(a => a.Status == "open").OrderBy(a => a.Deadline).ToList();
        return open.Count == 0
            ? "There are no open joint actions right now."
            : "Open joint actions:\n" + string.Join("\n", open.Select(a =>
                $"• {a.Title} ({a.Id}) — deadline {a.Deadline:yyyy-MM-dd HH:mm} UTC — {a.Tally.Signed} signed, {a.Tally.Declined} declined"));
    }

    private async Task<string> StatusAsync(string id, CancellationToken cancellationToken)
    {
        if (await actions.GetAsync(id, cancellationToken) is not { } action)
        {
            return $"There is no action '{id}'. `/coalition actions` lists the open ones.";
        }
        var failed = action.Deliveries?.Count(d => d.State == "failed") ?? 0;
        return $"{action.Title} ({action.Id}) is {action.Status}; deadline {action.Deadline:yyyy-MM-dd HH:mm} UTC.\n"
            + $"{action.Tally.Signed} organisations signed, {action.Tally.Declined} declined, {action.Tally.Later} asked to be reminded."
            + (action.Organisations.Count > 0 ? "\n" + string.Join("\n", action.Organisations.Select(o => $"• {o.Organisation}: {o.Answer}")) : "")
            + (failed > 0 ? $"\n{failed} message(s) could not be delivered; see GET /api/actions/{action.Id}." : "");
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
