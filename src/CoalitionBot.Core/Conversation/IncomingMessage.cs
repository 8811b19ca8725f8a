namespace CoalitionBot.Conversation;

/// <summary>A message from any surface, as the platform adapter hands it to the engine.</summary>
/// <param name="Platform">"slack", "teams", "web", "cli".</param>
/// <param name="ThreadId">The thread the reply belongs in, where the platform has threads.</param>
public sealed record IncomingMessage(string Platform, string UserId, string ConversationId, string? ThreadId, string Text);
