using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Conversation;
using CoalitionBot.Slack.BlockKit;
using CoalitionBot.Slack.WebApi;

namespace CoalitionBot.Slack.Handlers;

/// <summary>
/// Puts a <see cref="Reply"/> in front of a person: in a thread, over an earlier message, through a response_url, for
/// them alone, or as a modal; <see cref="ShowAsync"/> reads where from the reply's <see cref="ReplyPlacement"/>.
/// </summary>
internal sealed class SlackReplier(SlackApiClient slack, SlackDirectMessages directMessages, IHttpClientFactory httpClients)
{
    public Task<PostedMessage> PostAsync(string channel, string? threadTs, Reply reply, CancellationToken cancellationToken) =>
        slack.PostMessageAsync(new SlackMessage(channel, ReplyBlocks.Fallback(reply), ReplyBlocks.Render(reply), threadTs), cancellationToken);

    public Task UpdateAsync(string channel, string ts, Reply reply, CancellationToken cancellationToken) =>
        slack.UpdateMessageAsync(channel, ts, ReplyBlocks.Fallback(reply), ReplyBlocks.Render(reply), cancellationToken);

    /// <summary>The reply where it belongs relative to <paramref name="spot"/>; a form opens as a modal when Slack gave a trigger for one.</summary>
    public async Task ShowAsync(SlackSpot spot, Reply reply, CancellationToken cancellationToken)
    {
        if (reply.Form is { } form && spot.TriggerId is { } trigger)
        {
            await slack.OpenViewAsync(trigger, FormModal.View(form, spot.Channel), cancellationToken);
            return;
        }
        switch (reply.Placement)
        {
            case ReplyPlacement.ReplaceClicked when !spot.IsEphemeral && spot.Channel is { } channel && spot.MessageTs is { } ts:
                await UpdateAsync(channel, ts, reply, cancellationToken);
                break;
            case ReplyPlacement.ReplaceClicked when spot.ResponseUrl is { } url:
                await RespondAsync(url, reply, replaceOriginal: true, cancellationToken);
                break;
            case ReplyPlacement.Direct:
                await PostAsync(await directMessages.ChannelAsync(spot.User, cancellationToken), null, reply, cancellationToken);
                break;
            case ReplyPlacement.Private or ReplyPlacement.ReplaceClicked:
                await TellAsync(spot, reply, cancellationToken);
                break;
            case ReplyPlacement.InConversation when spot.IsEphemeral && spot.ResponseUrl is { } url:
                await RespondAsync(url, reply, replaceOriginal: false, cancellationToken);
                break;
            default:
                // From App Home or a modal there is no channel: the member's DM with the bot.
                var where = spot.Channel is { Length: > 0 } c ? c : await directMessages.ChannelAsync(spot.User, cancellationToken);
                await PostAsync(where, spot.Channel is { Length: > 0 } ? spot.ThreadTs : null, reply, cancellationToken);
                break;
        }
    }

    /// <summary>For the person alone: through the response_url, as an ephemeral message in the channel, or in their DM.</summary>
    private async Task TellAsync(SlackSpot spot, Reply reply, CancellationToken cancellationToken)
    {
        if (spot.ResponseUrl is { } url)
        {
            await RespondAsync(url, reply, replaceOriginal: false, cancellationToken);
        }
        else if (spot.Channel is { Length: > 0 } channel)
        {
            await slack.PostEphemeralAsync(channel, spot.User, ReplyBlocks.Fallback(reply), ReplyBlocks.Render(reply), spot.ThreadTs, cancellationToken);
        }
        else
        {
            await PostAsync(await directMessages.ChannelAsync(spot.User, cancellationToken), null, reply, cancellationToken);
        }
    }

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
