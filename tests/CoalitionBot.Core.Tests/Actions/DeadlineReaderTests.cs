using CoalitionBot.Actions;

namespace CoalitionBot.Tests.Actions;

public sealed class DeadlineReaderTests
{
    // Wednesday 25 November 2026, 10:00 in Brussels (UTC+1).
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Friday 5pm", "Europe/Brussels", "2026-11-27T17:00:00+01:00")]
    [InlineData("Dec 5 17:00", "Europe/Brussels", "2026-12-05T17:00:00+01:00")]
    [InlineData("Dec 5 17:00", "America/Guatemala", "2026-12-05T17:00:00-06:00")]
    [InlineData("in 3 days", "Europe/Brussels", "2026-11-28T17:00:00+01:00")]
    [InlineData("in 2 hours", "Europe/Brussels", "2026-11-25T12:00:00+01:00")]
    [InlineData("tomorrow", "UTC", "2026-11-26T17:00:00+00:00")]
    [InlineData("by Friday", "Europe/Brussels", "2026-11-27T17:00:00+01:00")]
    [InlineData("next Monday at noon", "Europe/Brussels", "2026-11-30T12:00:00+01:00")]
    [InlineData("2026-12-05T17:00:00+01:00", "America/Guatemala", "2026-12-05T17:00:00+01:00")]
    [InlineData("9am", "Europe/Brussels", "2026-11-26T09:00:00+01:00")]
    [InlineData("5pm", "Europe/Brussels", "2026-11-25T17:00:00+01:00")]
    public void ReadsWhatCoordinatorsTypeInTheirOwnZone(string text, string zone, string expected)
    {
        var reading = DeadlineReader.Read(text, zone, Now);

        Assert.Null(reading.Problem);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), reading.Deadline);
    }

    [Theory]
    [InlineData("", "Give a deadline")]
    [InlineData("whenever suits", "could not read")]
    [InlineData("yesterday", "already passed")]
    [InlineData("2026-11-01T17:00:00+01:00", "already passed")]
    public void RefusesWhatIsNotAFutureMoment(string text, string problem)
    {
        var reading = DeadlineReader.Read(text, "Europe/Brussels", Now);

        Assert.Null(reading.Deadline);
        Assert.Contains(problem, reading.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfirmsTheDeadlineInTheCoordinatorsZone()
    {
        var deadline = new DateTimeOffset(2026, 12, 5, 16, 0, 0, TimeSpan.Zero);

        Assert.Equal("Saturday 5 December 2026, 17:00 (Europe/Brussels)", DeadlineReader.Describe(deadline, "Europe/Brussels"));
        Assert.Equal("Saturday 5 December 2026, 10:00 (America/Guatemala)", DeadlineReader.Describe(deadline, "America/Guatemala"));
    }
}
