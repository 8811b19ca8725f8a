using CoalitionBot.Conversation;

namespace CoalitionBot.Slack.Handlers;

/// <summary>Proactive sends on Slack: to a member through their DM with the bot, or into a channel or thread.</summary>
internal sealed class SlackReplySender(SlackDirectMessages directMessages, SlackReplier replier) : IReplySender
{
    public string Platform => Platforms.Slack;

    public async Task<SentReply> SendAsync(ReplyTarget target, Reply reply, CancellationToken cancellationToken)
    {
        var channel = target.ConversationId
            ?? (target.UserId is { } user
                ? await directMessages.ChannelAsync(user, cancellationToken)
                : throw new ArgumentException("A reply target needs a member or a conversation.", nameof(target)));
        var posted = await replier.PostAsync(channel, target.ThreadId, reply, cancellationToken);
        return new SentReply(posted.Channel, posted.Ts);
    }
}
