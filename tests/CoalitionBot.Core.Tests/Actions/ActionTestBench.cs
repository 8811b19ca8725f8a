using CoalitionBot.Actions;
using CoalitionBot.Conversation;
using CoalitionBot.Organisations;
using CoalitionBot.Reminders;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Tests.Actions;

/// <summary>Actions, the directory and the delivery worker on one database and a fake clock, with a channel C1 of members U1–U4.</summary>
public sealed class ActionTestBench : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Deadline = Start.AddDays(4);
    private readonly TestDatabase _database = new();

    public ActionTestBench(int maxAttempts = 5)
    {
        var contexts = _database.NewFactory();
        Organisations = new OrganisationDirectory(contexts, Time);
        Import = new OrganisationImport(contexts, Organisations, Time);
        Actions = new ActionService(contexts, new DeliveryScheduler(contexts), [new Members()], Organisations, Time);
        IMemberTimeZones[] zones = [Zones];
        IDeliveryComposer[] composers =
        [
            new BroadcastComposer(contexts, Time), new ReminderComposer(contexts, Time), new SummaryComposer(contexts, Time),
            new LaterReminderComposer(contexts, Time, zones), new MemberReminderComposer(contexts, Time, zones), new NoticeComposer(contexts, Time),
        ];
        Worker = new DeliveryWorker(contexts, new DeliveryRouter(composers, [Slack]),
            Options.Create(new RemindersOptions { MaxAttempts = maxAttempts }), Time, NullLogger<DeliveryWorker>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(Start);
    public CollectingReplySender Slack { get; } = new();
    public FixedZones Zones { get; } = new();
    public OrganisationDirectory Organisations { get; }
    public OrganisationImport Import { get; }
    public ActionService Actions { get; }
    public DeliveryWorker Worker { get; }

    public void Dispose() => _database.Dispose();

    public async Task<string> CreateAsync(IReadOnlyList<string>? offsets = null, DateTimeOffset? sendAt = null)
    {
        var (action, problem) = await Actions.CreateAsync(
            new NewAction("sign-on", "Joint letter", "Please sign.", null, Deadline, "Europe/Brussels",
                [new NewAudience("slack", "C1", null, Dm: true)], offsets ?? ["P3D", "P1D"], new NewCoordinator("slack", "UCOORD"), sendAt),
            "test", CancellationToken.None);
        Assert.Null(problem);
        return action!.Id;
    }

    /// <summary>Save the Children (U1, U2), HIAS (U3), Oxfam (no members on chat); U4 is in no organisation.</summary>
    public async Task ImportDirectoryAsync()
    {
        var (result, problem) = await Import.ImportAsync(
            "organisation,country,focal point,email,platform,user\n"
            + "Save the Children,Belgium,Ana,ana@example.org,slack,U1\n"
            + "Save the Children,,,,slack,U2\n"
            + "HIAS,USA,Sam,sam@example.org,slack,U3\n"
            + "Oxfam,UK,Lee,lee@example.org,,\n", CancellationToken.None);
        Assert.Null(problem);
        Assert.Empty(result!.Errors);
    }

    public Task<ActionProblem?> SignAsync(string id, string user, string organisation) =>
        Actions.RespondAsync(id, "slack", user, ActionAnswer.Signed, organisation, "Signer " + user, "Director", CancellationToken.None);

    /// <summary>Where the messages went (user or channel), and clears the list.</summary>
    public List<string> Take()
    {
        var sent = Slack.Sent.Select(s => s.Target.UserId ?? s.Target.ConversationId ?? "").Order().ToList();
        Slack.Sent.Clear();
        return sent;
    }

    public List<(string To, string Text)> TakeTexts()
    {
        var sent = Slack.Sent.Select(s => (s.Target.UserId ?? s.Target.ConversationId ?? "", s.Reply.Text ?? "")).ToList();
        Slack.Sent.Clear();
        return sent;
    }

    public async Task RunAtAsync(DateTimeOffset when)
    {
        Time.SetUtcNow(when);
        while (await Worker.RunOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    private sealed class Members : IAudienceDirectory
    {
        public string Platform => "slack";

        public Task<IReadOnlyList<string>> MembersAsync(string conversationId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>(["U1", "U2", "U3", "U4"]);

        public Task EnsureReachableAsync(string conversationId, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Members' zones as the platform would report them; unknown members have none.</summary>
    public sealed class FixedZones : IMemberTimeZones
    {
        public Dictionary<string, string> ByUser { get; } = [];

        public string Platform => "slack";

        public Task<string?> ZoneOfAsync(string userId, CancellationToken cancellationToken) => Task.FromResult(ByUser.GetValueOrDefault(userId));
    }
}
