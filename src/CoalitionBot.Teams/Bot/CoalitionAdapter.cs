using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Teams.Bot;

/// <summary>
/// CloudAdapter with the one Teams error boundary: a turn that throws is logged, and the member hears
/// nothing more from us than the handler already sent (the handler answers failures with an apology itself).
/// </summary>
internal sealed partial class CoalitionAdapter : CloudAdapter
{
    public CoalitionAdapter(BotFrameworkAuthentication authentication, ILogger<CoalitionAdapter> logger)
        : base(authentication, logger)
    {
        OnTurnError = (turnContext, exception) =>
        {
            Log.TurnFailed(logger, exception, turnContext.Activity?.Type ?? "(none)", turnContext.Activity?.Conversation?.Id ?? "(none)");
            return Task.CompletedTask;
        };
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Error, "A Teams {ActivityType} turn in {ConversationId} failed")]
        public static partial void TurnFailed(ILogger logger, Exception exception, string activityType, string conversationId);
    }
}
