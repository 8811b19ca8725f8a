namespace CoalitionBot.Actions;

/// <summary>When "remind me later" reminds: the next 9:00 in the member's zone, sooner when the deadline is near, never after it.</summary>
public static class ReminderTimes
{
    private static readonly TimeSpan Morning = TimeSpan.FromHours(9);
    private static readonly TimeSpan BeforeDeadline = TimeSpan.FromHours(1);

    /// <summary>Null when there is no time left to remind before the deadline.</summary>
    public static DateTimeOffset? Later(DateTimeOffset now, DateTimeOffset deadline, string? timeZone)
    {
        var zone = DeadlineReader.Zone(timeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var nextMorning = local.Date.AddDays(1) + Morning;
        var morning = new DateTimeOffset(nextMorning, zone.GetUtcOffset(nextMorning)).ToUniversalTime();
        var latest = deadline - BeforeDeadline;
        var at = morning < latest ? morning : latest;
        return at > now ? at : null;
    }
}
