using CoalitionBot.Actions;

namespace CoalitionBot.Tests.Actions;

/// <summary>DM reminders never land between 21:00 and 08:00 in the member's zone; they move to 09:00, never past the deadline.</summary>
public sealed class QuietHoursTests : IDisposable
{
    private static readonly DateTimeOffset Deadline = new(2026, 12, 5, 16, 0, 0, TimeSpan.Zero);
    private readonly ActionTestBench _bench = new();

    public void Dispose() => _bench.Dispose();

    [Theory]
    [InlineData("2026-12-02T21:30:00Z", "Europe/Brussels", "2026-12-03T08:00:00Z")]   // 22:30 in Brussels → 09:00 next day
    [InlineData("2026-12-03T05:00:00Z", "Europe/Brussels", "2026-12-03T08:00:00Z")]   // 06:00 → 09:00 the same day
    [InlineData("2026-12-03T04:00:00Z", "America/Guatemala", "2026-12-03T15:00:00Z")] // 22:00 the evening before in Guatemala → 09:00
    [InlineData("2026-12-03T22:00:00Z", null, "2026-12-04T09:00:00Z")]                // zone unknown: read as UTC
    public void ANightReminderMovesToNineInTheMorningTheirTime(string due, string? zone, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected), QuietHours.Postpone(DateTimeOffset.Parse(due), Deadline, zone));

    [Theory]
    [InlineData("2026-12-03T10:00:00Z", "Europe/Brussels")]   // 11:00: not quiet
    [InlineData("2026-12-03T07:30:00Z", "Europe/Brussels")]   // 08:30: not quiet
    [InlineData("2026-12-04T23:00:00Z", "UTC")]               // 09:00 would be past a deadline of 16:00 the day... before: kept
    public void ADaytimeReminderOrOneWhoseMorningIsPastTheDeadlineIsNotMoved(string due, string zone) =>
        Assert.Null(QuietHours.Postpone(DateTimeOffset.Parse(due), new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero), zone));

    [Fact]
    public async Task TheWorkerHoldsANightReminderUntilTheMemberMorning()
    {
        // Deadline Saturday 09:00 UTC; the 12-hour reminder is due Friday 21:00 UTC, 22:00 in Brussels.
        _bench.Zones.ByUser["U1"] = "Europe/Brussels";
        await _bench.CreateAsync(offsets: ["PT12H"]);
        await _bench.RunAtAsync(ActionTestBench.Start);
        _bench.Take();

        await _bench.RunAtAsync(ActionTestBench.Deadline.AddHours(-12));
        var atNight = _bench.Take();

        // U2–U4 have no known zone (UTC): 09:00 UTC is the deadline itself, so theirs go as planned.
        Assert.Equal(["C1", "U2", "U3", "U4"], atNight);
        await _bench.RunAtAsync(ActionTestBench.Deadline.AddHours(-1.5));
        Assert.Empty(_bench.Take());
        await _bench.RunAtAsync(ActionTestBench.Deadline.AddHours(-1));   // 09:00 in Brussels
        Assert.Equal(["U1"], _bench.Take());
    }
}
