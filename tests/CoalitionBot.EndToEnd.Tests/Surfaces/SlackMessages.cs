using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoalitionBot.Slack.Tests.Support;

namespace CoalitionBot.EndToEnd.Tests.Surfaces;

/// <summary>Reading what the bot posted on Slack (a message, a response_url body, an ack) and pressing its buttons.</summary>
public static partial class SlackMessages
{
    /// <summary>The text a member reads (Slack's fallback text is the reply's, plus "(n sources)") and the buttons' labels.</summary>
    public static Seen Read(JsonObject body) => Seen.Of(
        Sources().Replace(body["text"]?.GetValue<string>() ?? "", ""),
        Buttons(body).Select(b => b["text"]!["text"]!.GetValue<string>()));

    public static IEnumerable<JsonObject> Buttons(JsonObject body) =>
        (body["blocks"]?.AsArray() ?? []).OfType<JsonObject>().Where(b => b["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>());

    /// <summary>A block_actions payload: <paramref name="user"/> presses the button labelled <paramref name="label"/> on <paramref name="post"/>.</summary>
    public static JsonObject Press(FakeSlack slack, SlackCall post, string label, string user)
    {
        var button = Buttons(post.Body).Single(b => b["text"]!["text"]!.GetValue<string>() == label);
        var ts = slack.PostedTs(post);
        return new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user },
            ["trigger_id"] = "trigger-" + Guid.NewGuid().ToString("N"),
            ["response_url"] = slack.ResponseUrl("click"),
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = ts, ["channel_id"] = post.Body["channel"]!.GetValue<string>(), ["is_ephemeral"] = false },
            ["message"] = new JsonObject { ["ts"] = ts, ["thread_ts"] = post.Body["thread_ts"]?.GetValue<string>() },
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = button["action_id"]!.GetValue<string>(), ["value"] = button["value"]!.GetValue<string>() }),
        };
    }

    [GeneratedRegex(@" \(\d+ sources?\)$")]
    private static partial Regex Sources();
}
