using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Conversation;
using CoalitionBot.Slack.BlockKit;
using CoalitionBot.Slack.WebApi;

namespace CoalitionBot.Slack.Handlers;

/// <summary>Puts a <see cref="Reply"/> in front of a person: in a thread, over an earlier message, or through a response_url.</summary>
internal sealed class SlackReplier(SlackApiClient slack, IHttpClientFactory httpClients)
{
    public Task<PostedMessage> PostAsync(string channel, string? threadTs, Reply reply, CancellationToken cancellationToken) =>
        slack.PostMessageAsync(new SlackMessage(channel, ReplyBlocks.Fallback(reply), ReplyBlocks.Render(reply), threadTs), cancellationToken);

    public Task UpdateAsync(string channel, string ts, Reply reply, CancellationToken cancellationToken) =>
        slack.UpdateMessageAsync(channel, ts, ReplyBlocks.Fallback(reply), ReplyBlocks.Render(reply), cancellationToken);

    /// <summary>
    /// Answers through a slash command's or an interaction's response_url: ephemeral, and over the
    /// clicked message when <paramref name="replaceOriginal"/>. It needs no token; Slack allows five uses in 30 minutes.
    /// </summary>
    public async Task RespondAsync(string responseUrl, Reply reply, bool replaceOriginal, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["response_type"] = "ephemeral",
            ["replace_original"] = replaceOriginal,
            ["text"] = ReplyBlocks.Fallback(reply),
            ["blocks"] = ReplyBlocks.Render(reply),
        };
        using var http = httpClients.CreateClient(nameof(SlackReplier));
        using var response = await http.PostAsJsonAsync(responseUrl, body, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
