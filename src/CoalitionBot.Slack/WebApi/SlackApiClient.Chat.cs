using System.Text.Json.Nodes;

namespace CoalitionBot.Slack.WebApi;

internal sealed partial class SlackApiClient
{
    /// <summary>chat.postMessage, paced per channel by the <see cref="ChannelPacer"/>.</summary>
    public async Task<PostedMessage> PostMessageAsync(SlackMessage message, CancellationToken cancellationToken)
    {
        const string Method = "chat.postMessage";
        var arguments = new JsonObject
        {
            ["channel"] = message.Channel,
            ["text"] = message.Text,
            ["unfurl_links"] = message.UnfurlLinks,
            ["unfurl_media"] = message.UnfurlLinks,
        };
        AddBlocks(arguments, message.Blocks);
        AddThread(arguments, message.ThreadTs);
        await pacer.WaitTurnAsync(message.Channel, cancellationToken);
        var reply = await CallAsync(Method, arguments, cancellationToken);
        return new PostedMessage(Required(reply, "channel", Method), Required(reply, "ts", Method));
    }

    /// <summary>chat.postEphemeral: seen only by <paramref name="user"/>, not stored, not updatable. Returns message_ts.</summary>
    public async Task<string> PostEphemeralAsync(string channel, string user, string text, JsonArray? blocks, string? threadTs, CancellationToken cancellationToken)
    {
        const string Method = "chat.postEphemeral";
        var arguments = new JsonObject { ["channel"] = channel, ["user"] = user, ["text"] = text };
        AddBlocks(arguments, blocks);
        AddThread(arguments, threadTs);
        var reply = await CallAsync(Method, arguments, cancellationToken);
        return Required(reply, "message_ts", Method);
    }

    /// <summary>
    /// chat.update. <paramref name="channel"/> must be a channel id (D… for DMs), not a user id. Blocks
    /// are always sent, because text alone would keep the old blocks.
    /// </summary>
    public Task UpdateMessageAsync(string channel, string ts, string text, JsonArray blocks, CancellationToken cancellationToken) =>
        CallAsync("chat.update", new JsonObject
        {
            ["channel"] = channel,
            ["ts"] = ts,
            ["text"] = text,
            ["blocks"] = blocks.DeepClone(),
        }, cancellationToken);

    // Blocks are cloned: a JsonNode can have one parent, and callers may reuse their array.
    private static void AddBlocks(JsonObject arguments, JsonArray? blocks)
    {
        if (blocks is not null)
        {
            arguments["blocks"] = blocks.DeepClone();
        }
    }

    private static void AddThread(JsonObject arguments, string? threadTs)
    {
        if (!string.IsNullOrEmpty(threadTs))
        {
            arguments["thread_ts"] = threadTs;
        }
    }
}
