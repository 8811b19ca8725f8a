namespace CoalitionBot.Conversation;

/// <summary>
/// A member's time zone as their platform knows it (Slack's users.info, the zone a Teams client last reported), asked
/// only when a reply needs one: a deadline read in the coordinator's zone, a reminder at 9:00 the member's time.
/// </summary>
public interface IMemberTimeZones
{
    string Platform { get; }

    /// <summary>The IANA zone, or null when the platform does not know it.</summary>
    Task<string?> ZoneOfAsync(string userId, CancellationToken cancellationToken);
}
