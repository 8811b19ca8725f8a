using CoalitionBot.Actions;
using CoalitionBot.Reminders;

namespace CoalitionBot.Tests.Actions;

/// <summary>Scheduled sending, edits after sending, cancelling and retrying a failed delivery, on a fake clock.</summary>
public sealed class ActionLifecycleTests : IDisposable
{
    private readonly ActionTestBench _bench = new(maxAttempts: 1);

    public void Dispose() => _bench.Dispose();

    private async Task<ActionView> ViewAsync(string id) => (await _bench.Actions.GetAsync(id, CancellationToken.None))!;

    [Fact]
    public async Task AScheduledActionGoesOutAtItsSendTimeAndNotBefore()
    {
        var sendAt = ActionTestBench.Start.AddHours(3);
        var id = await _bench.CreateAsync(sendAt: sendAt);

        await _bench.RunAtAsync(ActionTestBench.Start);
        Assert.Empty(_bench.Take());
        Assert.Equal(ActionStates.Scheduled, (await ViewAsync(id)).State);
        Assert.Equal("open", (await ViewAsync(id)).Status);

        await _bench.RunAtAsync(sendAt);
        Assert.Equal(["C1", "U1", "U2", "U3", "U4"], _bench.Take());
        Assert.Equal(ActionStates.Open, (await ViewAsync(id)).State);
    }

    [Fact]
    public async Task TheLastReminderWindowIsClosingAndThenItIsClosed()
    {
        var id = await _bench.CreateAsync(offsets: ["P3D", "P1D"]);

        _bench.Time.SetUtcNow(ActionTestBench.Deadline.AddDays(-1).AddMinutes(-1));
        Assert.Equal(ActionStates.Open, (await ViewAsync(id)).State);
        _bench.Time.SetUtcNow(ActionTestBench.Deadline.AddDays(-1));
        Assert.Equal(ActionStates.Closing, (await ViewAsync(id)).State);
        _bench.Time.SetUtcNow(ActionTestBench.Deadline);
        Assert.Equal(ActionStates.Closed, (await ViewAsync(id)).State);
    }

    [Fact]
    public async Task APastOrLateSendTimeIsRefused()
    {
        var late = await _bench.Actions.CreateAsync(new NewAction("sign-on", "T", null, null, ActionTestBench.Deadline, null,
            [new NewAudience("slack", "C1", null)], [], null, ActionTestBench.Deadline.AddHours(1)), "test", CancellationToken.None);
        var past = await _bench.Actions.CreateAsync(new NewAction("sign-on", "T", null, null, ActionTestBench.Deadline, null,
            [new NewAudience("slack", "C1", null)], [], null, ActionTestBench.Start.AddDays(-1)), "test", CancellationToken.None);

        Assert.Contains("before the deadline", late.Problem!.Error);
        Assert.Contains("already passed", past.Problem!.Error);
        Assert.Empty(await _bench.Actions.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AnEditTellsThoseWhoAnsweredAndRetimesTheReminders()
    {
        var id = await _bench.CreateAsync(offsets: ["P3D"]);
        await _bench.RunAtAsync(ActionTestBench.Start);
        _bench.Take();
        await _bench.SignAsync(id, "U1", "HIAS");

        var newDeadline = ActionTestBench.Deadline.AddDays(3);
        var (edited, problem) = await _bench.Actions.EditAsync(id, new ActionEdit(Title: "Joint letter (revised)", Deadline: newDeadline), CancellationToken.None);
        Assert.Null(problem);
        Assert.Equal(newDeadline, edited!.Deadline);
        await _bench.RunAtAsync(ActionTestBench.Start.AddMinutes(1));

        var (to, text) = Assert.Single(_bench.TakeTexts());
        Assert.Equal("U1", to);
        Assert.Contains("The title is now “Joint letter (revised)” (was “Joint letter”)", text);
        Assert.Contains("the deadline is now Tue 8 Dec 2026, 10:00 (Europe/Brussels)", text);

        // The first reminder's old time (3 days before the old deadline) passes in silence; it comes 3 days before the new one.
        await _bench.RunAtAsync(ActionTestBench.Deadline.AddDays(-3));
        Assert.Empty(_bench.Take());
        await _bench.RunAtAsync(newDeadline.AddDays(-3));
        Assert.Equal(["C1", "U2", "U3", "U4"], _bench.Take());
        Assert.Contains((await ViewAsync(id)).Deliveries!, d => d.Kind == "action.summary" && d.DueAt == newDeadline);
    }

    [Fact]
    public async Task BadEditsChangeNothing()
    {
        var id = await _bench.CreateAsync();

        Assert.Equal(400, (await _bench.Actions.EditAsync(id, new ActionEdit(Title: ""), CancellationToken.None)).Problem!.Status);
        Assert.Equal(400, (await _bench.Actions.EditAsync(id, new ActionEdit(Title: new string('x', 10_000_000)), CancellationToken.None)).Problem!.Status);
        Assert.Equal(400, (await _bench.Actions.EditAsync(id, new ActionEdit(Deadline: ActionTestBench.Start.AddDays(-1)), CancellationToken.None)).Problem!.Status);
        Assert.Equal(404, (await _bench.Actions.EditAsync("act_nope", new ActionEdit(Title: "x"), CancellationToken.None)).Problem!.Status);
        var view = await ViewAsync(id);
        Assert.Equal(("Joint letter", ActionTestBench.Deadline, (DateTimeOffset?)null), (view.Title, view.Deadline, view.UpdatedAt));
    }

    [Fact]
    public async Task ACancelledActionTellsItsAudienceSendsNoMoreRemindersAndTheSummarySaysCancelled()
    {
        var id = await _bench.CreateAsync();
        await _bench.RunAtAsync(ActionTestBench.Start);
        _bench.Take();

        var (cancelled, problem) = await _bench.Actions.CancelAsync(id, CancellationToken.None);
        Assert.Null(problem);
        Assert.Equal(ActionStates.Cancelled, cancelled!.State);
        Assert.Equal("closed", cancelled.Status);
        await _bench.RunAtAsync(ActionTestBench.Start.AddMinutes(1));

        var sent = _bench.TakeTexts();
        Assert.Equal(["C1", "U1", "U2", "U3", "U4"], sent.Where(s => s.Text.StartsWith("Cancelled — Sign-on request: Joint letter\n")).Select(s => s.To).Order());
        Assert.StartsWith("Cancelled — Joint letter\n", sent.Single(s => s.To == "UCOORD").Text);
        Assert.Equal(6, sent.Count);
        await _bench.RunAtAsync(ActionTestBench.Deadline.AddDays(-1));
        Assert.Empty(_bench.Take());
        Assert.Equal(409, (await _bench.SignAsync(id, "U1", "HIAS"))!.Status);
        Assert.Equal(409, (await _bench.Actions.CancelAsync(id, CancellationToken.None)).Problem!.Status);
        Assert.Equal(409, (await _bench.Actions.EditAsync(id, new ActionEdit(Title: "x"), CancellationToken.None)).Problem!.Status);
    }

    [Fact]
    public async Task AFailedDeliveryShowsItsReasonAndCanBeRetried()
    {
        var id = await _bench.CreateAsync();
        _bench.Slack.FailWith = new HttpRequestException("channel_not_found");
        await _bench.RunAtAsync(ActionTestBench.Start);
        var failed = (await ViewAsync(id)).Deliveries!.First(d => d.Kind == "action.broadcast" && d.ConversationId == "C1");
        Assert.Equal(("failed", "channel_not_found"), (failed.State, failed.Error));

        _bench.Slack.FailWith = null;
        var (retried, problem) = await _bench.Actions.RetryDeliveryAsync(id, failed.Id, CancellationToken.None);
        Assert.Null(problem);
        Assert.Equal("pending", retried!.Deliveries!.Single(d => d.Id == failed.Id).State);
        await _bench.RunAtAsync(ActionTestBench.Start.AddMinutes(1));

        Assert.Contains("C1", _bench.Take());
        Assert.Equal("sent", (await ViewAsync(id)).Deliveries!.Single(d => d.Id == failed.Id).State);
        Assert.Equal(409, (await _bench.Actions.RetryDeliveryAsync(id, failed.Id, CancellationToken.None)).Problem!.Status);
        Assert.Equal(404, (await _bench.Actions.RetryDeliveryAsync(id, 999_999, CancellationToken.None)).Problem!.Status);
    }
}
