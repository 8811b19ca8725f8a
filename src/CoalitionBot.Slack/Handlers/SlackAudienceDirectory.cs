using CoalitionBot.Conversation;
using CoalitionBot.Slack.WebApi;

namespace CoalitionBot.Slack.Handlers;

/// <summary>A Slack channel's members (conversations.members, all pages), without the bot itself.</summary>
internal sealed class SlackAudienceDirectory(SlackApiClient slack, SlackIdentityCache identity) : IAudienceDirectory
{
    public string Platform => Platforms.Slack;

    public async Task<IReadOnlyList<string>> MembersAsync(string conversationId, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> members;
        try
        {
            members = await slack.ConversationMembersAsync(conversationId, cancellationToken);
        }
        catch (SlackApiException e) when (e.Error is "not_in_channel" or "channel_not_found" or "missing_scope")
        {
            throw new AudienceUnavailableException(e.Error == "missing_scope"
                ? "The Slack app lacks the channels:read / groups:read scope to list the channel's members; reinstall it from manifests/slack/app-manifest.yaml."
                : NotIn(conversationId), e);
        }
        var me = (await identity.TryGetAsync(cancellationToken))?.UserId;
        return members.Where(m => m != me).ToList();
    }

    public async Task EnsureReachableAsync(string conversationId, CancellationToken cancellationToken)
    {
        bool? member;
        try
        {
            member = await slack.IsMemberAsync(conversationId, cancellationToken);
        }
        catch (SlackApiException e) when (e.Error is "channel_not_found" or "not_in_channel")
        {
            throw new AudienceUnavailableException(NotIn(conversationId), e);
        }
        catch (SlackApiException)
        {
            // Not allowed to look (a missing scope, an older workspace): the broadcast itself will tell, in the action's status.
            return;
        }
        if (member == false)
        {
            throw new AudienceUnavailableException(NotIn(conversationId));
        }
    }

    private static string NotIn(string channel) =>
        $"The bot is not in the Slack channel {channel}, so it cannot post there: invite it first (/invite @CoalitionBot), then try again.";
}
