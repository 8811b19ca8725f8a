using CoalitionBot.Onboarding;
using CoalitionBot.Teams.Conversations;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace CoalitionBot.Teams.Handlers;

/// <summary>
/// New members of a team or chat listed in Onboarding:Welcome:Teams (by team id, or by conversation id) get the
/// welcome in their personal chat with the bot, once per member whichever team they join
/// (<see cref="OnboardingService.WelcomeAsync"/>). Someone who never wrote to the bot has no 1:1 yet: their 29: id and
/// tenant from membersAdded are stored first, as roster reads store them, so that the welcome's delivery can open it.
/// </summary>
internal sealed partial class TeamsWelcomes(
    OnboardingService onboarding,
    ConversationReferenceStore references,
    IOptions<OnboardingOptions> options,
    ILogger<TeamsWelcomes> logger)
{
    public async Task MembersAddedAsync(Activity activity, CancellationToken cancellationToken)
    {
        var welcome = options.Value.Welcome;
        var conversationId = TeamsConversation.WithoutMessageId(activity.Conversation?.Id ?? "");
        var channelData = activity.ChannelData as JObject;
        var teamId = Text(channelData?.SelectToken("team.id"));
        if (!(teamId is { Length: > 0 } && welcome.Includes(ConversationReferenceStore.Platform, teamId)) && !welcome.Includes(ConversationReferenceStore.Platform, conversationId))
        {
            return;
        }
        var tenantId = activity.Conversation?.TenantId ?? Text(channelData?.SelectToken("tenant.id"));
        var joined = (activity.MembersAdded ?? [])
            // The bot itself (its own install) and other bots (28: ids) are not welcomed.
            .Where(m => m.Id is { Length: > 0 } id && id != activity.Recipient?.Id && !id.StartsWith("28:", StringComparison.Ordinal))
            .ToList();
        foreach (var account in joined)
        {
            var member = new TeamsMember(account.AadObjectId is { Length: > 0 } aad ? aad : account.Id, account.Id, account.Name, null, null);
            var reference = activity.GetConversationReference();
            reference.User = new ChannelAccount(account.Id, account.Name, aadObjectId: account.AadObjectId);
            reference.Conversation.TenantId ??= tenantId;
            await references.SaveCreatedAsync(reference, member, cancellationToken);
            // The welcome is a delivery: sent by the worker after this turn (many members joining at once would outlast it), and retried.
            if (!await onboarding.WelcomeAsync(ConversationReferenceStore.Platform, member.UserId, cancellationToken))
            {
                Log.AlreadyWelcomed(logger, member.UserId, conversationId);
            }
        }
    }

    private static string? Text(JToken? token) => token?.Type == JTokenType.String ? (string?)token : null;

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Debug, "Teams member {UserId}, who joined {ConversationId}, was welcomed before")]
        public static partial void AlreadyWelcomed(ILogger logger, string userId, string conversationId);
    }
}
