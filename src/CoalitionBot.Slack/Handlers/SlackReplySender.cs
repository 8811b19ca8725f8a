using System.Collections.Concurrent;
using CoalitionBot.Conversation;
using CoalitionBot.Slack.WebApi;

namespace CoalitionBot.Slack.Handlers;

/// <summary>
/// Proactive sends on Slack: to a member through their DM with the bot (conversations.open), or into
/// a channel or thread. A member's DM channel never changes, so it is opened once per member: a
/// broadcast to a few hundred members would otherwise spend Tier 3's ~50 calls a minute on it.
/// </summary>
internal sealed class SlackReplySender(SlackApiClient slack, SlackReplier replier) : IReplySender
{
    private readonly ConcurrentDictionary<string, string> _directMessages = new(StringComparer.Ordinal);

    public string Platform => "slack";

    public async Task<SentReply> SendAsync(ReplyTarget target, Reply reply, CancellationToken cancellationToken)
    {
        var channel = target.ConversationId
            ?? (target.UserId is { } user
                ? await DirectMessageAsync(user, cancellationToken)
                : throw new ArgumentException("A reply target needs a member or a conversation.", nameof(target)));
        var posted = await replier.PostAsync(channel, target.ThreadId, reply, cancellationToken);
        return new SentReply(posted.Channel, posted.Ts);
    }

    private async Task<string> DirectMessageAsync(string user, CancellationToken cancellationToken)
    {
        if (_directMessages.TryGetValue(user, out var channel))
        {
            return channel;
        }
        channel = await slack.OpenConversationAsync([user], cancellationToken);
        _directMessages[user] = channel;
        return channel;
    }
}
