namespace CoalitionBot.Conversation;

/// <summary>A message from any surface, as the platform adapter hands it to the engine.</summary>
/// <param name="Platform">one of <see cref="Platforms"/>.</param>
/// <param name="ThreadId">The thread the reply belongs in, where the platform has threads.</param>
/// <param name="TimeZone">The sender's IANA zone when the payload says it (Teams' clientInfo); else <see cref="IMemberTimeZones"/> is asked.</param>
/// <param name="Direct">A one-to-one conversation where each message starts a thread of its own (a Slack DM): a follow-up typed below follows the person's last turn there.</param>
public sealed record IncomingMessage(string Platform, string UserId, string ConversationId, string? ThreadId, string Text, string? TimeZone = null, bool Direct = false);
