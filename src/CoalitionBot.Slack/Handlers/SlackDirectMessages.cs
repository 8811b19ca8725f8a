using System.Collections.Concurrent;
using CoalitionBot.Slack.WebApi;

namespace CoalitionBot.Slack.Handlers;

/// <summary>
/// Each member's DM channel with the bot (conversations.open), opened once and remembered: it never
/// changes, and a broadcast to a few hundred members would otherwise spend Tier 3's ~50 calls a minute on it.
/// </summary>
internal sealed class SlackDirectMessages(SlackApiClient slack)
{
    private readonly ConcurrentDictionary<string, string> _channels = new(StringComparer.Ordinal);

    public async Task<string> ChannelAsync(string user, CancellationToken cancellationToken)
    {
        if (_channels.TryGetValue(user, out var channel))
        {
            return channel;
        }
        channel = await slack.OpenConversationAsync([user], cancellationToken);
        _channels[user] = channel;
        return channel;
    }
}
