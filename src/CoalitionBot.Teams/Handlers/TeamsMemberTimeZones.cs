using CoalitionBot.Conversation;
using CoalitionBot.Teams.Conversations;

namespace CoalitionBot.Teams.Handlers;

/// <summary>The zone a member's Teams client last reported (card submits often carry none), for Core's deadlines and reminders.</summary>
internal sealed class TeamsMemberTimeZones(ConversationReferenceStore references) : IMemberTimeZones
{
    public string Platform => Platforms.Teams;

    public async Task<string?> ZoneOfAsync(string userId, CancellationToken cancellationToken) =>
        (await references.ForMemberAsync(userId, cancellationToken)).Select(r => r.TimeZone).FirstOrDefault(z => z is { Length: > 0 });
}
