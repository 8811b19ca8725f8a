namespace CoalitionBot.Conversation;

/// <summary>The conversation engine (section "Conversation").</summary>
public sealed class ConversationOptions
{
    /// <summary>How long a thread's last question is the context of a follow-up ("what about children?"). Default: 30 minutes.</summary>
    public TimeSpan ContextTtl { get; set; } = TimeSpan.FromMinutes(30);
}
