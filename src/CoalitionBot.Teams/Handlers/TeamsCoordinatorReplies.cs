using CoalitionBot.Conversation;
using CoalitionBot.Teams.Connector;
using CoalitionBot.Teams.Conversations;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Teams.Handlers;

/// <summary>
/// A coordinator's answer to a member's question: a message (@mentioning the bot, which only then sees channel
/// messages) in the thread the bot started in the coordinators' channel (AskCoordinators:Teams) when it passed the
/// question on. The thread's root is the id the connector gave that post (<see cref="TeamsReplySender"/>), and a
/// reply in it arrives in the conversation "channel;messageid=root" (<see cref="TeamsConversation.ThreadId"/>).
/// </summary>
internal sealed class TeamsCoordinatorReplies(CoordinatorQuestions coordinators, IOptions<AskCoordinatorsOptions> options)
{
    /// <summary>True when the message answered a member's question (sent on to them), so it is no question itself.</summary>
    public async Task<bool> TryAnswerAsync(Activity activity, string text, CancellationToken cancellationToken)
    {
        if (options.Value.For(CoalitionActivityHandler.Platform) is not { } configured
            || !TeamsConversation.IsChannel(activity)
            || TeamsConversation.ThreadId(activity) is not { Length: > 0 } threadId
            // Compared as Teams ids, ignoring case and any ";messageid=" pasted into the setting; Core compares to the setting as written.
            || !string.Equals(TeamsConversation.WithoutMessageId(configured), TeamsConversation.WithoutMessageId(activity.Conversation?.Id ?? ""), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var coordinator = TeamsMember.From(activity);
        return await coordinators.ReplyAsync(CoalitionActivityHandler.Platform, configured, threadId, coordinator.UserId, text, cancellationToken);
    }
}
