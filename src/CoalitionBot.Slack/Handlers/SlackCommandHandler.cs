using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using CoalitionBot.Actions;
using CoalitionBot.Conversation;
using CoalitionBot.Slack.BlockKit;
using CoalitionBot.Slack.WebApi;

namespace CoalitionBot.Slack.Handlers;

/// <summary>
/// <c>/coalition ask &lt;question&gt;</c>, <c>/coalition help</c> and the joint-action commands
/// (<c>actions</c>, <c>action status|close &lt;id&gt;</c>, <c>action new</c>). The ack (within 3 s)
/// says "looking that up", refuses what the member may not do, or carries the help; the answer
/// follows through the response_url. Anything else gets the help, ephemeral.
/// </summary>
internal sealed partial class SlackCommandHandler(
    SlackQuestionAnswerer answerer, SlackReplier replier, ActionCommands actions, SlackActionForm form, SlackDirectMessages directMessages)
{
    public JsonObject? Acknowledge(JsonElement command)
    {
        if (ActionCommand.Parse(command.Str("text")) is { } action)
        {
            var coordinatorsOnly = action.Kind is ActionCommandKind.New or ActionCommandKind.Close;
            return coordinatorsOnly && !actions.IsCoordinator("slack", command.Str("user_id") ?? "")
                ? Ephemeral(ActionCommands.NotCoordinator)
                // The form opens by itself; a message about it would only be noise.
                : action.Kind == ActionCommandKind.New ? null
                : Ephemeral("Looking up the joint actions…");
        }
        if (Tour(command) is not null)
        {
            return Ephemeral("The tour continues in our direct messages: look for CoalitionBot under Apps.");
        }
        if (Question(command) is { } question)
        {
            return Ephemeral(question.Length == 0
                ? "Please add a question after `ask`, for example: `/coalition ask What can diaspora groups do in a crisis?`"
                : $"Looking that up: “{Mrkdwn.Escape(Mrkdwn.Cut(question, 200))}”…");
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
        var user = command.Str("user_id") ?? "";
        if (ActionCommand.Parse(command.Str("text")) is { } action)
        {
            if (action.Kind == ActionCommandKind.New)
            {
                if (actions.IsCoordinator("slack", user) && command.Str("trigger_id") is { } trigger)
                {
                    await form.OpenAsync(user, command.Str("channel_id"), trigger, cancellationToken);
                }
                return;
            }
            if (command.Str("response_url") is not { } url || (action.Kind == ActionCommandKind.Close && !actions.IsCoordinator("slack", user)))
            {
                return;
            }
            var text = action.Kind switch
            {
                ActionCommandKind.Status => await actions.StatusAsync(action.Id!, cancellationToken),
                ActionCommandKind.Close => await actions.CloseAsync(action.Id!, "slack", user, cancellationToken),
                _ => await actions.ListAsync(cancellationToken),
            };
            await replier.RespondAsync(url, new Reply(ReplyKind.Announcement, text, null, []), replaceOriginal: false, cancellationToken);
            return;
        }
        if (Tour(command) is { } tour && user.Length > 0)
        {
            // Steps stay in the member's DM with the bot, where they can come back to them; an ephemeral reply would vanish.
            var dm = await directMessages.ChannelAsync(user, cancellationToken);
            await answerer.AnswerInThreadAsync(user, dm, null, tour, cancellationToken);
            return;
        }
        if (Question(command) is not { Length: > 0 } question || command.Str("user_id") is null || command.Str("response_url") is not { } responseUrl)
        {
            return;
        }
        var reply = await answerer.ReplyAsync(user, command.Str("channel_id") ?? "", null, question, cancellationToken);
        await replier.RespondAsync(responseUrl, reply, replaceOriginal: false, cancellationToken);
    }

    private static JsonObject Ephemeral(string text) => new() { ["response_type"] = "ephemeral", ["text"] = text };

    /// <summary>What to say to the engine for <c>onboard [track]</c>, <c>tour</c> or <c>continue</c>; null for anything else.</summary>
    private static string? Tour(JsonElement command)
    {
        var match = TourCommand().Match((command.Str("text") ?? "").Trim());
        return !match.Success ? null
            : match.Groups["continue"].Success ? "continue onboarding"
            : "onboard " + match.Groups["track"].Value;
    }

    [GeneratedRegex(@"^(?:(?:onboard(?:ing)?|tour)(?:\s+(?<track>[\w-]+))?|(?<continue>continue|resume)(?:\s+(?:onboarding|the\s+tour|tour))?)$", RegexOptions.IgnoreCase)]
    private static partial Regex TourCommand();

    /// <summary>The question after "ask", empty when there is none, null when the command is not "ask".</summary>
    private static string? Question(JsonElement command)
    {
        var text = (command.Str("text") ?? "").Trim();
        return text.Equals("ask", StringComparison.OrdinalIgnoreCase) ? ""
            : text.StartsWith("ask ", StringComparison.OrdinalIgnoreCase) ? text[4..].Trim()
            : null;
    }
}
