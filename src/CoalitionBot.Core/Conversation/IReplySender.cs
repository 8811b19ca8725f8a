namespace CoalitionBot.Conversation;

/// <summary>
/// Where a proactive reply goes: a member (by their id on the platform; the sender opens the 1:1
/// conversation when needed) or a conversation (a channel, a group chat), optionally in a thread.
/// </summary>
public sealed record ReplyTarget(string Platform, string? UserId = null, string? ConversationId = null, string? ThreadId = null)
{
    public static ReplyTarget Member(string platform, string userId) => new(platform, UserId: userId);

    public static ReplyTarget Conversation(string platform, string conversationId, string? threadId = null) =>
        new(platform, ConversationId: conversationId, ThreadId: threadId);
}

/// <summary>Where a sent reply landed, so that it can be updated later.</summary>
public sealed record SentReply(string ConversationId, string MessageId);

/// <summary>
/// Sends a <see cref="Reply"/> without an incoming message to answer (broadcasts, reminders), one
/// implementation per platform; callers pick the sender whose <see cref="Platform"/> matches the target.
/// </summary>
public interface IReplySender
{
    /// <summary>"slack", "teams".</summary>
    string Platform { get; }

    Task<SentReply> SendAsync(ReplyTarget target, Reply reply, CancellationToken cancellationToken);
}
