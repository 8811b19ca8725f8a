using System.Text.Json.Nodes;
using CoalitionBot.Actions;
using CoalitionBot.Conversation;
using CoalitionBot.Slack.BlockKit;
using CoalitionBot.Teams.AdaptiveCards;

namespace CoalitionBot.Host.Coordinators;

/// <summary>
/// An action's announcement as each platform will show it, before it is sent: the Reply that the broadcast composer
/// makes, rendered by Slack's Block Kit and Teams' Adaptive Card renderers, read back as their visible text.
/// </summary>
internal static class MessagePreview
{
    public static (string Slack, string Teams) Of(AdvocacyAction action)
    {
        var reply = new Reply(ReplyKind.Announcement, ActionText.Describe(action), null, ActionText.Buttons(action), Deadline: action.Deadline);
        var slack = new List<string>();
        foreach (var block in ReplyBlocks.Render(reply).OfType<JsonObject>())
        {
            if (block["text"]?["text"]?.GetValue<string>() is { } text)
            {
                slack.Add(text);
            }
            foreach (var element in block["elements"] as JsonArray ?? [])
            {
                if (element?["text"] is JsonObject label && label["text"]?.GetValue<string>() is { } button)
                {
                    slack.Add($"[{button}]");
                }
                else if (element?["text"]?.GetValue<string>() is { } context)
                {
                    slack.Add(context);
                }
            }
        }
        var teams = new List<string>();
        Collect(ReplyCard.Render(reply), teams);
        // Block Kit escapes <, > and & in mrkdwn; Slack shows them as the characters.
        return (System.Net.WebUtility.HtmlDecode(string.Join('\n', slack)), string.Join('\n', teams));
    }

    // A card's visible words: every TextBlock's text and every action's title, in order.
    private static void Collect(JsonNode? node, List<string> into)
    {
        switch (node)
        {
            case JsonObject o:
                var type = o["type"]?.GetValue<string>();
                if (type == "TextBlock" && o["text"]?.GetValue<string>() is { } text)
                {
                    into.Add(text);
                }
                else if (type?.StartsWith("Action.", StringComparison.Ordinal) == true && o["title"]?.GetValue<string>() is { } title)
                {
                    into.Add($"[{title}]");
                }
                foreach (var (_, child) in o)
                {
                    Collect(child, into);
                }
                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Collect(child, into);
                }
                break;
        }
    }
}
