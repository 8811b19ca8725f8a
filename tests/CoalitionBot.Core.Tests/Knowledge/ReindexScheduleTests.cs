using CoalitionBot.Knowledge;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Tests.Knowledge;

public sealed class ReindexScheduleTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly ReindexSchedule _schedule;

    public ReindexScheduleTests() => _schedule = new ReindexSchedule(_time, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));

    [Fact]
    public void ChangeIsIndexedAfterTheQuietTime()
    {
        _schedule.Changed();
        _time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(_schedule.IsDue);

        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(_schedule.IsDue);
    }

    [Fact]
    public void EveryNewChangeRestartsTheQuietTime()
    {
        _schedule.Changed();
        _time.Advance(TimeSpan.FromSeconds(1.5));
        _schedule.Changed();
        _time.Advance(TimeSpan.FromSeconds(1.5));

        Assert.False(_schedule.IsDue);
        Assert.Equal(TimeSpan.FromSeconds(0.5), _schedule.DueIn());
    }

    [Fact]
    public void WithoutChangesTheLibraryIsRescannedPeriodically()
    {
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(_schedule.IsDue);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(_schedule.IsDue);

        _schedule.Ran(_schedule.Starting());
        Assert.Equal(TimeSpan.FromSeconds(30), _schedule.DueIn());
    }

    [Fact]
    public void ChangeSeenDuringAnUpdateStaysPending()
    {
        _schedule.Changed();
        _time.Advance(TimeSpan.FromSeconds(2));
        var started = _schedule.Starting();
        _time.Advance(TimeSpan.FromSeconds(1));
        _schedule.Changed();

        _schedule.Ran(started);

        Assert.Equal(TimeSpan.FromSeconds(2), _schedule.DueIn());
    }

    [Fact]
    public void ChangeIndexedByAnUpdateIsDone()
    {
        _schedule.Changed();
        _time.Advance(TimeSpan.FromSeconds(2));

        _schedule.Ran(_schedule.Starting());

        Assert.False(_schedule.IsDue);
        Assert.Equal(TimeSpan.FromSeconds(30), _schedule.DueIn());
    }
}
