using CoalitionBot.Actions;
using CoalitionBot.Conversation;
using CoalitionBot.Organisations;
using CoalitionBot.Reminders;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Tests.Actions;

/// <summary>An action's whole schedule on a fake clock: broadcast, reminders only to non-responders, nothing after the deadline.</summary>
public sealed class ActionRemindersTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Deadline = Start.AddDays(4);
    private readonly TestDatabase _database = new();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly CollectingReplySender _slack = new();
    private readonly ActionService _actions;
    private readonly DeliveryWorker _worker;

    public ActionRemindersTests()
    {
        var contexts = _database.NewFactory();
        _actions = new ActionService(contexts, new DeliveryScheduler(contexts), [new Directory()], new OrganisationDirectory(contexts, _time), _time);
        IDeliveryComposer[] composers =
        [
            new BroadcastComposer(contexts, _time), new ReminderComposer(contexts, _time), new SummaryComposer(contexts, _time),
            new LaterReminderComposer(contexts, _time, []), new MemberReminderComposer(contexts, _time, []),
        ];
        _worker = new DeliveryWorker(contexts, new DeliveryRouter(composers, [_slack]), Options.Create(new RemindersOptions()), _time, NullLogger<DeliveryWorker>.Instance);
    }

    public void Dispose() => _database.Dispose();

    private async Task<string> CreateAsync()
    {
        var (action, problem) = await _actions.CreateAsync(
            new NewAction("sign-on", "Joint letter", "Please sign.", null, Deadline, "Europe/Brussels",
                [new NewAudience("slack", "C1", null, Dm: true)], ["P3D", "P1D"], new NewCoordinator("slack", "UCOORD")),
            "test", CancellationToken.None);
        Assert.Null(problem);
        return action!.Id;
    }

    private List<string?> SentTo() => _slack.Sent.Select(s => s.Target.UserId ?? s.Target.ConversationId).ToList();

    private async Task RunAtAsync(DateTimeOffset when)
    {
        _time.SetUtcNow(when);
        while (await _worker.RunOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    [Fact]
    public async Task RemindersGoOnlyToMembersWhoHaveNotAnswered()
    {
        var id = await CreateAsync();
        await RunAtAsync(Start);
        Assert.Equal(["C1", "U1", "U2", "U3"], SentTo().Order());

        await _actions.RespondAsync(id, "slack", "U1", ActionAnswer.Signed, "HIAS", "Sam", null, CancellationToken.None);
        await _actions.RespondAsync(id, "slack", "U3", ActionAnswer.Declined, "Oxfam", null, null, CancellationToken.None);
        _slack.Sent.Clear();

        await RunAtAsync(Deadline.AddDays(-3));
        Assert.Equal(["C1", "U2"], SentTo().Order());
        Assert.Contains("1 organisation has signed", _slack.Sent.Single(s => s.Target.ConversationId == "C1").Reply.Text);

        _slack.Sent.Clear();
        await _actions.RespondAsync(id, "slack", "U2", ActionAnswer.Signed, "Save the Children", "Ana", null, CancellationToken.None);
        await RunAtAsync(Deadline.AddDays(-1));
        Assert.Equal(["C1"], SentTo());
    }

    [Fact]
    public async Task AtTheDeadlineOnlyTheCoordinatorHearsWithTheSummary()
    {
        var id = await CreateAsync();
        await RunAtAsync(Start);
        await _actions.RespondAsync(id, "slack", "U1", ActionAnswer.Signed, "HIAS", "Sam", null, CancellationToken.None);
        _slack.Sent.Clear();

        // The host was down from before the first reminder until after the deadline.
        await RunAtAsync(Deadline.AddHours(1));

        var (target, summary) = Assert.Single(_slack.Sent);
        Assert.Equal("UCOORD", target.UserId);
        Assert.Contains("1 organisation signed, 0 declined, 2 members asked directly did not answer.", summary.Text);
        Assert.Contains("Signatories:\n• HIAS — Sam\n", summary.Text);
        Assert.Equal(409, (await _actions.RespondAsync(id, "slack", "U2", ActionAnswer.Signed, "Late", null, null, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task ARestartedHostOnTheSameFileResumesWithoutLossOrRepeat()
    {
        await CreateAsync();
        await RunAtAsync(Start);
        var contexts = _database.NewFactory();
        IDeliveryComposer[] composers = [new BroadcastComposer(contexts, _time), new ReminderComposer(contexts, _time), new SummaryComposer(contexts, _time), new MemberReminderComposer(contexts, _time, [])];
        var restarted = new DeliveryWorker(contexts, new DeliveryRouter(composers, [_slack]), Options.Create(new RemindersOptions()), _time, NullLogger<DeliveryWorker>.Instance);
        _slack.Sent.Clear();

        _time.SetUtcNow(Deadline.AddDays(-3));
        while (await restarted.RunOnceAsync(CancellationToken.None) > 0)
        {
        }
        while (await _worker.RunOnceAsync(CancellationToken.None) > 0)
        {
        }

        Assert.Equal(["C1", "U1", "U2", "U3"], SentTo().Order());
    }

    private sealed class Directory : IAudienceDirectory
    {
        public string Platform => "slack";

        public Task<IReadOnlyList<string>> MembersAsync(string conversationId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>(["U1", "U2", "U3"]);

        public Task EnsureReachableAsync(string conversationId, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
