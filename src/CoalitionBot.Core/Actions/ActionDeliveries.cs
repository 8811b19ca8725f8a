using System.Xml;
using CoalitionBot.Reminders;

namespace CoalitionBot.Actions;

/// <summary>The deliveries an action puts on the schedule, with keys that make scheduling them twice harmless.</summary>
internal static class ActionDeliveries
{
    public const string Broadcast = "action.broadcast";
    public const string Reminder = "action.reminder";
    public const string Summary = "action.summary";
    public const string MemberReminder = "action.member-reminder";

    public static string SummaryKey(string actionId) => $"summary:{actionId}";

    /// <summary>"Remind me later": one reminder per member and moment, grouped per member so a newer one replaces it in order.</summary>
    public static Delivery Later(string actionId, string platform, string userId, DateTimeOffset at) => new()
    {
        Key = $"later:{actionId}:{platform}:{userId}:{at.UtcTicks}", Group = $"later:{actionId}:{platform}:{userId}",
        Kind = LaterReminderComposer.Name, Subject = actionId, Platform = platform, UserId = userId, DueAt = at,
    };

    public static IReadOnlyList<Delivery> For(AdvocacyAction action, IReadOnlyList<TimeSpan> offsets, IReadOnlyList<(string Platform, string UserId)> members, DateTimeOffset now)
    {
        var deliveries = new List<Delivery>();
        foreach (var (memberPlatform, member) in members)
        {
            var who = $"{action.Id}:{memberPlatform}:{member}";
            deliveries.Add(new Delivery
            {
                Key = $"dm:{who}", Group = $"dm:{who}", Kind = Broadcast, Subject = action.Id,
                Platform = memberPlatform, UserId = member, DueAt = now,
            });
            foreach (var offset in offsets.Where(o => action.Deadline - o > now))
            {
                deliveries.Add(new Delivery
                {
                    Key = $"member-reminder:{action.Id}:{XmlConvert.ToString(offset)}:{memberPlatform}:{member}",
                    Group = $"member-reminder:{who}", Kind = MemberReminder, Subject = action.Id,
                    Platform = memberPlatform, UserId = member, DueAt = action.Deadline - offset,
                });
            }
        }
        foreach (var audience in action.Audience)
        {
            var where = $"{action.Id}:{audience.Platform}:{audience.Conversation}";
            deliveries.Add(new Delivery
            {
                Key = $"broadcast:{where}", Group = $"broadcast:{where}", Kind = Broadcast, Subject = action.Id,
                Platform = audience.Platform, ConversationId = audience.Conversation, DueAt = now,
            });
            // Reminders whose time has already come at creation would only repeat the broadcast.
            foreach (var offset in offsets.Where(o => action.Deadline - o > now))
            {
                deliveries.Add(new Delivery
                {
                    Key = $"reminder:{action.Id}:{XmlConvert.ToString(offset)}:{audience.Platform}:{audience.Conversation}",
                    Group = $"reminder:{where}", Kind = Reminder, Subject = action.Id,
                    Platform = audience.Platform, ConversationId = audience.Conversation, DueAt = action.Deadline - offset,
                });
            }
        }
        if (action.CoordinatorPlatform is { } platform && action.CoordinatorUser is { } user)
        {
            deliveries.Add(new Delivery
            {
                Key = SummaryKey(action.Id), Group = SummaryKey(action.Id), Kind = Summary, Subject = action.Id,
                Platform = platform, UserId = user, DueAt = action.Deadline,
            });
        }
        return deliveries;
    }
}
