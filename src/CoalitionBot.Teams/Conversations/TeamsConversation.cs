using Microsoft.Bot.Schema;

namespace CoalitionBot.Teams.Conversations;

/// <summary>Teams' conversation ids: a channel thread is the channel id plus ";messageid=" and the thread's root.</summary>
internal static class TeamsConversation
{
    private const string MessageIdMarker = ";messageid=";

    public static bool IsChannel(Activity activity) =>
        string.Equals(activity.Conversation?.ConversationType, "channel", StringComparison.OrdinalIgnoreCase);

    public static string WithoutMessageId(string conversationId)
    {
        var at = conversationId.IndexOf(MessageIdMarker, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? conversationId : conversationId[..at];
    }

    /// <summary>The conversation id of a channel thread: the channel (any ";messageid=" dropped) plus the thread's root.</summary>
    public static string InThread(string conversationId, string threadId) => WithoutMessageId(conversationId) + MessageIdMarker + threadId;

    /// <summary>
    /// The root of the channel thread the activity belongs to: the ";messageid=" of its conversation, or the
    /// activity itself when it starts a thread. Null outside channels, which have no threads.
    /// </summary>
    public static string? ThreadId(Activity activity)
    {
        if (!IsChannel(activity))
        {
            return null;
        }
        var id = activity.Conversation?.Id ?? "";
        var at = id.IndexOf(MessageIdMarker, StringComparison.OrdinalIgnoreCase);
        return at >= 0 ? id[(at + MessageIdMarker.Length)..] : activity.Id;
    }
}
