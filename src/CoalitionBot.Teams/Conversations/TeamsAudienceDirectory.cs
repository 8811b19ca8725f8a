using CoalitionBot.Conversation;
using CoalitionBot.Teams.Connector;

namespace CoalitionBot.Teams.Conversations;

/// <summary>
/// Who is in a Teams team or chat, so that an action with <c>"dm": true</c> also asks each member in their 1:1.
/// The bot can only reach a conversation it has a stored reference for (it was installed there, or someone wrote
/// to it there), so that reference is the test of reachability and the serviceUrl of the roster call.
/// </summary>
internal sealed class TeamsAudienceDirectory(ConversationReferenceStore references, TeamsSender sender) : IAudienceDirectory
{
    public string Platform => ConversationReferenceStore.Platform;

    /// <summary>
    /// The members' Entra object ids: the ids answers are recorded under and <see cref="TeamsReplySender"/> is
    /// given. Each member's 29: id is stored beside it, since opening a 1:1 with someone who never wrote to the
    /// bot needs it (POST /v3/conversations).
    /// </summary>
    public async Task<IReadOnlyList<string>> MembersAsync(string conversationId, CancellationToken cancellationToken)
    {
        var conversation = await StoredAsync(conversationId, cancellationToken);
        var roster = await sender.MembersAsync(conversation, cancellationToken)
            ?? throw new AudienceUnavailableException(
                $"Teams refused to list the members of the conversation {conversation.ConversationId}; check that the bot is still installed in that team or chat (the log has the status code).");
        var members = roster
            // Bots have 28: ids; they neither sign nor read direct messages.
            .Where(m => m.Id is { Length: > 0 } id && !id.StartsWith("28:", StringComparison.Ordinal))
            .Select(m => new TeamsMember(m.AadObjectId is { Length: > 0 } aad ? aad : m.Id, m.Id, m.Name, null, null))
            .DistinctBy(m => m.UserId)
            .ToList();
        await references.SaveRosterAsync(conversation, members, cancellationToken);
        return members.Select(m => m.UserId).ToList();
    }

    public async Task EnsureReachableAsync(string conversationId, CancellationToken cancellationToken) =>
        await StoredAsync(conversationId, cancellationToken);

    private async Task<ConversationReferenceRecord> StoredAsync(string conversationId, CancellationToken cancellationToken) =>
        await references.ForConversationAsync(conversationId, cancellationToken)
        ?? throw new AudienceUnavailableException(
            $"The bot has not been added to that Teams conversation ({conversationId}), or nobody has written to it there yet: "
            + "install CoalitionBot in the team or chat (or @mention it there once), then try again.");
}
