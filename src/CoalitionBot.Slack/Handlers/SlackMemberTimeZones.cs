using CoalitionBot.Conversation;
using CoalitionBot.Slack.WebApi;

namespace CoalitionBot.Slack.Handlers;

/// <summary>A member's zone from users.info (tz), for Core's deadlines and "remind me later".</summary>
internal sealed class SlackMemberTimeZones(SlackApiClient slack) : IMemberTimeZones
{
    public string Platform => Platforms.Slack;

    public Task<string?> ZoneOfAsync(string userId, CancellationToken cancellationToken) => slack.TimeZoneOfAsync(userId, cancellationToken);
}
