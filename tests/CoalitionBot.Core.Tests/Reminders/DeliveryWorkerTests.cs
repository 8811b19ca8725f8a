using CoalitionBot.Conversation;
using CoalitionBot.Reminders;
using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Tests.Reminders;

public sealed class DeliveryWorkerTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _database = new();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly CollectingReplySender _slack = new();
    private readonly TextComposer _composer = new();

    public void Dispose() => _database.Dispose();

    private DeliveryWorker Worker(IDbContextFactory<CoalitionDbContext>? contexts = null, int maxAttempts = 3, int batchSize = 20) => new(
        contexts ?? _database.NewFactory(),
        new DeliveryRouter([_composer], [_slack]),
        Options.Create(new RemindersOptions { MaxAttempts = maxAttempts, RetryDelay = TimeSpan.FromMinutes(1), Lease = TimeSpan.FromMinutes(2), BatchSize = batchSize }),
        _time,
        NullLogger<DeliveryWorker>.Instance);

    private Task ScheduleAsync(params Delivery[] deliveries) =>
        new DeliveryScheduler(_database.NewFactory()).ScheduleAsync(deliveries, CancellationToken.None);

    private static Delivery Reminder(string key, DateTimeOffset due, string user = "U1", string? group = null) => new()
    {
        Key = key,
        Group = group ?? "reminder:" + user,
        Kind = TextComposer.Name,
        Subject = key,
        Platform = "slack",
        UserId = user,
        DueAt = due,
    };

    private async Task<Delivery> RowAsync(string key)
    {
        await using var db = await _database.NewFactory().CreateDbContextAsync();
        return await db.Set<Delivery>().SingleAsync(d => d.Key == key);
    }

    [Fact]
    public async Task DeliveryIsSentWhenDueAndNotBefore()
    {
        await ScheduleAsync(Reminder("r1", Start.AddHours(1)));
        var worker = Worker();

        await worker.RunOnceAsync(CancellationToken.None);
        Assert.Empty(_slack.Sent);

        _time.Advance(TimeSpan.FromHours(1));
        await worker.RunOnceAsync(CancellationToken.None);
        await worker.RunOnceAsync(CancellationToken.None);

        var (target, reply) = Assert.Single(_slack.Sent);
        Assert.Equal("U1", target.UserId);
        Assert.Equal("text for r1", reply.Text);
        var row = await RowAsync("r1");
        Assert.Equal(DeliveryState.Sent, row.State);
        Assert.Equal("DU1", row.SentTo);
        Assert.Equal(Start.AddHours(1), row.SentAt);
    }

    [Fact]
    public async Task SchedulingTheSameKeyTwiceStoresItOnce()
    {
        var scheduler = new DeliveryScheduler(_database.NewFactory());

        var first = await scheduler.ScheduleAsync([Reminder("same", Start)], CancellationToken.None);
        var second = await scheduler.ScheduleAsync([Reminder("same", Start), Reminder("other", Start)], CancellationToken.None);

        Assert.Equal(1, first);
        Assert.Equal(1, second);
    }

    [Fact]
    public async Task TwoWorkersOnOneDatabaseSendEachDeliveryOnce()
    {
        var deliveries = Enumerable.Range(0, 60).Select(i => Reminder($"r{i}", Start, user: $"U{i}")).ToArray();
        await ScheduleAsync(deliveries);
        var first = Worker(_database.NewFactory());
        var second = Worker(_database.NewFactory());

        await Task.WhenAll(
            Task.Run(async () => { while (await first.RunOnceAsync(CancellationToken.None) > 0) { } }),
            Task.Run(async () => { while (await second.RunOnceAsync(CancellationToken.None) > 0) { } }));

        Assert.Equal(60, _slack.Sent.Count);
        Assert.Equal(60, _slack.Sent.Select(s => s.Target.UserId).Distinct().Count());
    }

    [Fact]
    public async Task DeliveryClaimedByAWorkerThatDiedIsSentAfterItsLeaseOnce()
    {
        await ScheduleAsync(Reminder("r1", Start));
        // A worker claims the row and dies before sending: its lease is left behind.
        await using (var db = await _database.NewFactory().CreateDbContextAsync())
        {
            await db.Set<Delivery>().ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseOwner, "dead").SetProperty(d => d.LeaseUntil, Start.AddMinutes(2)));
        }
        var restarted = Worker();

        await restarted.RunOnceAsync(CancellationToken.None);
        Assert.Empty(_slack.Sent);

        _time.Advance(TimeSpan.FromMinutes(3));
        await restarted.RunOnceAsync(CancellationToken.None);
        await restarted.RunOnceAsync(CancellationToken.None);

        Assert.Single(_slack.Sent);
    }

    [Fact]
    public async Task RestartedHostTakesBackAtOnceTheLeasesOfItsKilledPredecessor()
    {
        await ScheduleAsync(Reminder("killed mid-round", Start), Reminder("live sibling's", Start, user: "U2"));
        // A process of this machine that no longer runs (no pid goes that high), and one that does (pid 1).
        await using (var db = await _database.NewFactory().CreateDbContextAsync())
        {
            await db.Set<Delivery>().Where(d => d.Key == "killed mid-round")
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseOwner, $"{Environment.MachineName}/2147483000/dead").SetProperty(d => d.LeaseUntil, Start.AddMinutes(2)));
            await db.Set<Delivery>().Where(d => d.Key == "live sibling's")
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseOwner, $"{Environment.MachineName}/1/alive").SetProperty(d => d.LeaseUntil, Start.AddMinutes(2)));
        }
        var restarted = Worker();

        Assert.Equal(1, await restarted.ReleaseOrphanedLeasesAsync(CancellationToken.None));
        await restarted.RunOnceAsync(CancellationToken.None);
        await restarted.RunOnceAsync(CancellationToken.None);

        Assert.Equal(["text for killed mid-round"], _slack.Sent.Select(s => s.Reply.Text));
        Assert.Equal(DeliveryState.Pending, (await RowAsync("live sibling's")).State);
    }

    [Fact]
    public async Task ASendCutOffByShutdownGoesBackToTheScheduleNotIntoDoubt()
    {
        await ScheduleAsync(Reminder("waiting for the platform", Start));
        var hanging = new HangingSender();
        var worker = new DeliveryWorker(_database.NewFactory(), new DeliveryRouter([_composer], [hanging]),
            Options.Create(new RemindersOptions()), _time, NullLogger<DeliveryWorker>.Instance);
        using var stopping = new CancellationTokenSource();

        var round = worker.RunOnceAsync(stopping.Token);
        await hanging.Entered.Task;
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => round);
        var row = await RowAsync("waiting for the platform");
        Assert.Equal(DeliveryState.Pending, row.State);
        Assert.Null(row.SendingSince);
        Assert.Null(row.LeaseOwner);
        await Worker().RunOnceAsync(CancellationToken.None);
        Assert.Single(_slack.Sent);
    }

    /// <summary>A platform that takes the message and never answers (a long Retry-After, a hung connection).</summary>
    private sealed class HangingSender : IReplySender
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Platform => "slack";

        public async Task<SentReply> SendAsync(ReplyTarget target, Reply reply, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    [Fact]
    public async Task DeliveryCutOffMidSendIsNotSentAgainAndSaysSo()
    {
        await ScheduleAsync(Reminder("cut off", Start));
        // The host was killed after handing the message to the platform, before it could record the outcome.
        await using (var db = await _database.NewFactory().CreateDbContextAsync())
        {
            await db.Set<Delivery>().ExecuteUpdateAsync(s => s.SetProperty(d => d.SendingSince, Start));
        }
        var restarted = Worker();

        await restarted.RunOnceAsync(CancellationToken.None);
        await restarted.RunOnceAsync(CancellationToken.None);

        Assert.Empty(_slack.Sent);
        var row = await RowAsync("cut off");
        Assert.Equal(DeliveryState.Sent, row.State);
        Assert.Equal(DeliveryWorker.InDoubt, row.Error);
        Assert.Null(row.SendingSince);
    }

    [Fact]
    public async Task AfterDowntimeMissedDeliveriesOfAGroupDoNotBurstAcrossBatches()
    {
        await ScheduleAsync(
            Reminder("3 days before", Start.AddDays(-3), group: "reminder:act1:C1"),
            Reminder("1 day before", Start.AddDays(-1), group: "reminder:act1:C1"),
            Reminder("2 hours before", Start.AddHours(-2), group: "reminder:act1:C1"));
        var worker = Worker(batchSize: 1);

        while (await worker.RunOnceAsync(CancellationToken.None) > 0)
        {
        }

        Assert.Equal(["text for 2 hours before"], _slack.Sent.Select(s => s.Reply.Text));
    }

    [Fact]
    public async Task AfterDowntimeOnlyTheLatestMissedDeliveryOfAGroupIsSent()
    {
        await ScheduleAsync(
            Reminder("3 days before", Start.AddDays(-3), group: "reminder:act1:U1"),
            Reminder("1 day before", Start.AddDays(-1), group: "reminder:act1:U1"),
            Reminder("2 hours before", Start.AddHours(-2), group: "reminder:act1:U1"),
            Reminder("other member", Start.AddDays(-1), user: "U2", group: "reminder:act1:U2"));

        await Worker().RunOnceAsync(CancellationToken.None);

        Assert.Equal(["text for 2 hours before", "text for other member"], _slack.Sent.Select(s => s.Reply.Text).Order());
        Assert.Equal(DeliveryState.Skipped, (await RowAsync("3 days before")).State);
        Assert.Equal(DeliveryState.Skipped, (await RowAsync("1 day before")).State);
    }

    [Fact]
    public async Task DeliveryNoLongerNeededIsSkippedNotSent()
    {
        _composer.NotNeeded.Add("answered");
        await ScheduleAsync(Reminder("answered", Start));

        await Worker().RunOnceAsync(CancellationToken.None);

        Assert.Empty(_slack.Sent);
        Assert.Equal(DeliveryState.Skipped, (await RowAsync("answered")).State);
    }

    [Fact]
    public async Task FailedSendIsRetriedWithBackoffThenMarkedFailedWithTheReason()
    {
        _slack.FailWith = new HttpRequestException("connection refused");
        await ScheduleAsync(Reminder("r1", Start));
        var worker = Worker(maxAttempts: 3);

        await worker.RunOnceAsync(CancellationToken.None);
        var afterFirst = await RowAsync("r1");
        Assert.Equal(DeliveryState.Pending, afterFirst.State);
        Assert.Equal(Start.AddMinutes(1), afterFirst.DueAt);

        _time.Advance(TimeSpan.FromMinutes(1));
        await worker.RunOnceAsync(CancellationToken.None);
        Assert.Equal(Start.AddMinutes(1 + 2), (await RowAsync("r1")).DueAt);

        _time.Advance(TimeSpan.FromMinutes(2));
        await worker.RunOnceAsync(CancellationToken.None);

        var failed = await RowAsync("r1");
        Assert.Equal(DeliveryState.Failed, failed.State);
        Assert.Equal(3, failed.Attempts);
        Assert.Equal("connection refused", failed.Error);
    }

    [Fact]
    public async Task DeliveryToAPlatformThatIsNotConfiguredFailsWithAReason()
    {
        var teams = Reminder("teams", Start);
        teams.Platform = "teams";
        await ScheduleAsync(teams);

        var worker = Worker(maxAttempts: 1);
        await worker.RunOnceAsync(CancellationToken.None);

        var row = await RowAsync("teams");
        Assert.Equal(DeliveryState.Failed, row.State);
        Assert.Contains("teams is not configured", row.Error);
    }

    /// <summary>Writes "text for {key}"; deliveries whose subject is in <see cref="NotNeeded"/> are no longer needed.</summary>
    private sealed class TextComposer : IDeliveryComposer
    {
        public const string Name = "text";

        public HashSet<string> NotNeeded { get; } = [];

        public string Kind => Name;

        public Task<Reply?> ComposeAsync(Delivery delivery, CancellationToken cancellationToken) =>
            Task.FromResult(NotNeeded.Contains(delivery.Subject!) ? null : new Reply(ReplyKind.Help, "text for " + delivery.Key, null, []));
    }
}
