namespace CoalitionBot.Conversation;

/// <summary>Who is in a conversation (a Slack channel, a Teams team), so that a broadcast can also reach each member directly.</summary>
public interface IAudienceDirectory
{
    string Platform { get; }

    /// <summary>The members' user ids, without the bot itself.</summary>
    /// <exception cref="AudienceUnavailableException">The bot cannot see the conversation (not a member, or it does not exist).</exception>
    Task<IReadOnlyList<string>> MembersAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Checks, before an action is saved, that the bot can post in the conversation.</summary>
    /// <exception cref="AudienceUnavailableException">It cannot, and the message says what to do.</exception>
    Task EnsureReachableAsync(string conversationId, CancellationToken cancellationToken);
}

/// <summary>The bot cannot list a conversation's members; the message says what to do.</summary>
public sealed class AudienceUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
