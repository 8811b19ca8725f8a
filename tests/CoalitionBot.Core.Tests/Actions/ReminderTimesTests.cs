using CoalitionBot.Actions;

namespace CoalitionBot.Tests.Actions;

public sealed class ReminderTimesTests
{
    private static readonly DateTimeOffset Deadline = new(2026, 12, 5, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public void LaterIsNineTomorrowMorningInTheMembersOwnZone()
    {
        var now = new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);

        // 9:00 in Brussels (UTC+1 in December) and in Guatemala (UTC-6) are different instants.
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero), ReminderTimes.Later(now, Deadline, "Europe/Brussels"));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero), ReminderTimes.Later(now, Deadline, "America/Guatemala"));
    }

    [Fact]
    public void LaterComesSoonerWhenTheDeadlineIsNearAndNeverAfterIt()
    {
        var eveningBefore = new DateTimeOffset(2026, 12, 4, 20, 0, 0, TimeSpan.Zero);
        var justBefore = Deadline.AddMinutes(-30);

        Assert.Equal(new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero), ReminderTimes.Later(eveningBefore, Deadline, "Europe/Brussels"));
        Assert.Equal(Deadline.AddHours(-1), ReminderTimes.Later(eveningBefore, Deadline, "America/Guatemala"));
        Assert.Null(ReminderTimes.Later(justBefore, Deadline, "Europe/Brussels"));
    }

    [Fact]
    public void UnknownZoneFallsBackToUtc() =>
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero), ReminderTimes.Later(new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero), Deadline, "Mars/Olympus"));
}
