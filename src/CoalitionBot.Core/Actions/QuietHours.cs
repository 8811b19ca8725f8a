namespace CoalitionBot.Actions;

/// <summary>
/// No reminder by direct message at night: one that would land from 21:00 to 08:00 in the member's zone is moved to
/// 09:00 their time — unless that is not before the deadline, when it goes as planned (a late reminder beats none).
/// An unknown zone is read as UTC (<see cref="DeadlineReader.FallbackZone"/>).
/// </summary>
public static class QuietHours
{
    private static readonly TimeSpan Start = TimeSpan.FromHours(21);
    private static readonly TimeSpan End = TimeSpan.FromHours(8);
    private static readonly TimeSpan Morning = TimeSpan.FromHours(9);

    /// <summary>When to send instead of <paramref name="due"/>, or null to send it when due.</summary>
    public static DateTimeOffset? Postpone(DateTimeOffset due, DateTimeOffset deadline, string? timeZone)
    {
        var zone = DeadlineReader.Zone(timeZone ?? DeadlineReader.FallbackZone);
        var local = TimeZoneInfo.ConvertTime(due, zone);
        var time = local.TimeOfDay;
        if (time >= End && time < Start)
        {
            return null;
        }
        var day = time >= Start ? local.Date.AddDays(1) : local.Date;
        var morning = day + Morning;
        var at = new DateTimeOffset(morning, zone.GetUtcOffset(morning)).ToUniversalTime();
        return at < deadline && at > due ? at : null;
    }
}
