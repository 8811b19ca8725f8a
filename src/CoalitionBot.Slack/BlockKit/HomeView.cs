using System.Text.Json.Nodes;
using CoalitionBot.Conversation;

namespace CoalitionBot.Slack.BlockKit;

/// <summary>The App Home tab: what the bot does and questions to try.</summary>
internal static class HomeView
{
    public static JsonObject Render()
    {
        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "CoalitionBot" } },
            ReplyBlocks.Section(Mrkdwn.Escape(ConversationEngine.HelpText)),
            new JsonObject { ["type"] = "divider" },
            ReplyBlocks.Section("*Questions to try*"),
        };
        var help = ConversationEngine.Help();
        blocks.Add(ReplyBlocks.Render(help with { Text = "Tap one to ask it here:" })[^1]!.DeepClone());
        return new JsonObject { ["type"] = "home", ["blocks"] = blocks };
    }
}
