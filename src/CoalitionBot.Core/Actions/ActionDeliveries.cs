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
    public const string Notice = "action.notice";
    public const string CancelledPrefix = "cancelled:";

    public static string SummaryKey(string actionId) => $"summary:{actionId}";

    /// <summary>"Remind me later": one reminder per member and moment, grouped per member so a newer one replaces it in order.</summary>
    public static Delivery Later(string actionId, string platform, string userId, DateTimeOffset at) => new()
    {
        Key = $"later:{actionId}:{platform}:{userId}:{at.UtcTicks}", Group = $"later:{actionId}:{platform}:{userId}",
        Kind = LaterReminderComposer.Name, Subject = actionId, Platform = platform, UserId = userId, DueAt = at,
    };

    public static IReadOnlyList<Delivery> For(AdvocacyAction action, IReadOnlyList<TimeSpan> offsets, IReadOnlyList<(string Platform, string UserId)> members, DateTimeOffset now)
    {
        // A scheduled action goes out at its send time; reminders before that would come before the request itself.
        now = action.SendAt is { } sendAt && sendAt > now ? sendAt : now;
        var deliveries = new List<Delivery>();
        foreach (var (memberPlatform, member) in members)
        {
            var who = $"{action.Id}:{memberPlatform}:{member}";
            deliveries.Add(new Delivery
            {
                Key = $"dm:{who}", Group = $"dm:{who}", Kind = Broadcast, Subject = action.Id,
                Platform = memberPlatform, UserId = member, DueAt = now,
            });
        }
        deliveries.AddRange(RemindersFor(action, offsets, members, now, ""));
        foreach (var audience in action.Audience)
        {
            var where = $"{action.Id}:{audience.Platform}:{audience.Conversation}";
            deliveries.Add(new Delivery
            {
                Key = $"broadcast:{where}", Group = $"broadcast:{where}", Kind = Broadcast, Subject = action.Id,
                Platform = audience.Platform, ConversationId = audience.Conversation, DueAt = now,
            });
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

    /// <summary>
    /// The reminders at each offset still ahead of <paramref name="now"/>, to the members asked directly and in each
    /// audience conversation. <paramref name="version"/> tells the reminders of a moved deadline from the first ones.
    /// </summary>
    public static IEnumerable<Delivery> RemindersFor(AdvocacyAction action, IReadOnlyList<TimeSpan> offsets, IReadOnlyList<(string Platform, string UserId)> members, DateTimeOffset now, string version)
    {
        foreach (var (memberPlatform, member) in members)
        {
            var who = $"{action.Id}:{memberPlatform}:{member}";
            foreach (var offset in offsets.Where(o => action.Deadline - o > now))
            {
                yield return new Delivery
                {
                    Key = $"member-reminder:{action.Id}:{XmlConvert.ToString(offset)}{version}:{memberPlatform}:{member}",
                    Group = $"member-reminder:{who}", Kind = MemberReminder, Subject = action.Id,
                    Platform = memberPlatform, UserId = member, DueAt = action.Deadline - offset,
                };
            }
        }
        foreach (var audience in action.Audience)
        {
            var where = $"{action.Id}:{audience.Platform}:{audience.Conversation}";
            // Reminders whose time has already come would only repeat the broadcast.
            foreach (var offset in offsets.Where(o => action.Deadline - o > now))
            {
                yield return new Delivery
                {
                    Key = $"reminder:{action.Id}:{XmlConvert.ToString(offset)}{version}:{audience.Platform}:{audience.Conversation}",
                    Group = $"reminder:{where}", Kind = Reminder, Subject = action.Id,
                    Platform = audience.Platform, ConversationId = audience.Conversation, DueAt = action.Deadline - offset,
                };
            }
        }
    }

    /// <summary>A notice (an edit, a cancellation) to one member or conversation, due now.</summary>
    public static Delivery NoticeTo(string key, string actionId, string platform, string? userId, string? conversationId, string text, DateTimeOffset now) => new()
    {
        Key = key, Group = key, Kind = Notice, Subject = actionId, Platform = platform, UserId = userId, ConversationId = conversationId,
        Detail = text, DueAt = now,
    };
}
