using CoalitionBot.Conversation;
using CoalitionBot.Teams.Conversations;

namespace CoalitionBot.Teams.Connector;

/// <summary>
/// Proactive sends in Core's terms (<see cref="IReplySender"/>) over <see cref="TeamsSender"/>: to a member
/// (their 1:1, opened if needed) or into a stored conversation, in a channel thread when the target names one. A target the bot has never seen, or a send
/// that failed after the retries, is an exception, so that the delivery worker records it as a failure.
/// </summary>
internal sealed class TeamsReplySender(TeamsSender sender, ConversationReferenceStore references) : IReplySender
{
    public string Platform => ConversationReferenceStore.Platform;

    public async Task<SentReply> SendAsync(ReplyTarget target, Reply reply, CancellationToken cancellationToken)
    {
        SendOutcome outcome;
        string conversation;
        string? messageId = null;
        if (target.ConversationId is { } conversationId)
        {
            var stored = await references.ForConversationAsync(conversationId, cancellationToken)
                ?? throw new InvalidOperationException($"The bot has no stored reference to the Teams conversation '{conversationId}': install it there first.");
            // The message id matters for a new channel post: it is the root of its thread, and a reply in that thread
            // arrives with it as ";messageid=" (TeamsConversation.ThreadId), which is how Ask a coordinator finds the question.
            (outcome, messageId) = await sender.PostAsync(stored, target.ThreadId, reply, cancellationToken);
            conversation = stored.ConversationId;
        }
        else if (target.UserId is { } userId)
        {
            outcome = await sender.SendToMemberAsync(userId, reply, cancellationToken);
            conversation = userId;
        }
        else
        {
            throw new ArgumentException("A reply target needs a member or a conversation.", nameof(target));
        }
        return outcome switch
        {
            SendOutcome.Sent => new SentReply(conversation, messageId ?? ""),
            SendOutcome.Unreachable => throw new InvalidOperationException("The bot has never met this Teams member or conversation, so it cannot write to them."),
            _ => throw new InvalidOperationException("Teams refused the message after retries; see the log for the status code."),
        };
    }
}
