namespace CoalitionBot.Slack.WebApi;

/// <summary>Who the token belongs to, from auth.test: the bot's user id, its bot id and the workspace.</summary>
internal sealed record SlackIdentity(string UserId, string? BotId, string TeamId);
