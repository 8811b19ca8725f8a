using System.Text.Json.Nodes;
using CoalitionBot.Conversation;

namespace CoalitionBot.Slack.BlockKit;

/// <summary>
/// A <see cref="Reply"/> as Block Kit: the answer, then each citation as a quoted passage with its
/// document and section in a context line, then the buttons. Within Block Kit's limits: section
/// text ≤ 3,000, button text ≤ 75, value ≤ 2,000, 50 blocks a message.
/// </summary>
internal static class ReplyBlocks
{
    private const int SectionLimit = 3_000;
    private const int QuoteLimit = 2_900;
    private const int ButtonTextLimit = 75;
    private const int ButtonValueLimit = 2_000;
    private const int FallbackLimit = 3_900;
    private const int MaxBlocks = 50;

    public static JsonArray Render(Reply reply)
    {
        var blocks = new List<JsonObject>();
        blocks.AddRange(Mrkdwn.Chunks(Mrkdwn.Escape(reply.Text), SectionLimit).Select(Section));
        foreach (var citation in reply.Answer?.Citations ?? [])
        {
            var quote = string.Join('\n', citation.Passage.Split('\n').Select(line => "> " + Mrkdwn.Escape(line)));
            blocks.Add(Section(Mrkdwn.Cut(quote, QuoteLimit)));
            var page = citation.PageLabel is { } label ? $" · {label}" : "";
            // Slack links are <url|text>; a URL's own "|" or ">" would end it early, so those are percent-encoded.
            var link = citation.OpenableUrl is { } url ? $" · <{url.Replace("|", "%7C").Replace(">", "%3E")}|Open document>" : "";
            blocks.Add(Context($"[{citation.N}] *{Mrkdwn.Escape(citation.Document)}* · {Mrkdwn.Escape(citation.Section)}{page} · updated {citation.Updated:yyyy-MM-dd}{link}"));
        }
        if (reply.Deadline is { } deadline)
        {
            // Slack writes the date in each reader's own time zone; the fallback is UTC.
            blocks.Add(Context($"Deadline in your time zone: <!date^{deadline.ToUnixTimeSeconds()}^{{date_long_pretty}} at {{time}}|{deadline.UtcDateTime:yyyy-MM-dd HH:mm} UTC>"));
        }
        if (reply.Note is { } note)
        {
            blocks.Add(Context(Mrkdwn.Escape(note)));
        }
        if (reply.Buttons.Count > 0)
        {
            blocks.Add(Actions(reply));
        }
        // Past Block Kit's 50 blocks the last citations go; the answer and the buttons stay.
        while (blocks.Count > MaxBlocks)
        {
            blocks.RemoveAt(blocks.Count - (reply.Buttons.Count > 0 ? 2 : 1));
        }
        return new JsonArray(blocks.ToArray<JsonNode?>());
    }

    /// <summary>The plain text Slack shows in notifications and to screen readers.</summary>
    public static string Fallback(Reply reply)
    {
        var sources = reply.Answer?.Citations.Count is > 0 and var count ? $" ({count} source{(count == 1 ? "" : "s")})" : "";
        return Mrkdwn.Cut(Mrkdwn.Escape(reply.Text), FallbackLimit) + sources;
    }

    public static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn },
    };

    public static JsonObject Context(string mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn }),
    };

    private static JsonObject Actions(Reply reply)
    {
        var elements = reply.Buttons.Select((button, i) =>
        {
            var element = new JsonObject
            {
                ["type"] = "button",
                // action_id must be unique within the block: several suggestions share one action.
                ["action_id"] = $"{button.Action}:{i}",
                ["value"] = Mrkdwn.Cut(button.Value, ButtonValueLimit),
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Mrkdwn.Cut(button.Label, ButtonTextLimit) },
            };
            if (button.Action == ReplyActions.Retry)
            {
                element["style"] = "primary";
            }
            return (JsonNode?)element;
        });
        return new JsonObject
        {
            ["type"] = "actions",
            ["block_id"] = $"{reply.Kind.ToString().ToLowerInvariant()}:{reply.AnswerId?.ToString() ?? Guid.NewGuid().ToString("N")}",
            ["elements"] = new JsonArray(elements.ToArray()),
        };
    }
}
