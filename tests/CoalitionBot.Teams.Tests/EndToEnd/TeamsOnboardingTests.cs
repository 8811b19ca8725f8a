using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CoalitionBot.Conversation;
using CoalitionBot.Onboarding;
using CoalitionBot.Storage;
using CoalitionBot.Teams.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Teams.Tests.EndToEnd;

/// <summary>
/// Onboarding, follow-ups and welcomes on Teams through the whole host: typed words and card submits POSTed to
/// /api/messages, every card the bot sends recorded by the fake Bot Connector.
/// </summary>
public sealed class TeamsOnboardingTests : IAsyncLifetime
{
    private const string Team = "19:team@thread.tacv2";
    private const string OtherTeamGeneral = "19:other-team-general@thread.tacv2";
    private const string NewcomerId = "29:3newcomer-channel-id";
    private const string NewcomerAadId = "3c4d5e6f-0000-4000-8000-0000000000c3";
    // The clock stands still: the welcome's delivery goes out when a test runs the worker, not on a timer.
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private FakeBotConnector _connector = null!;
    private TeamsHost _host = null!;
    private HttpClient _client = null!;
    private int _ids;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _host = new TeamsHost(settings: new Dictionary<string, string>
        {
            // One team by its team id, another by its general channel's conversation id.
            ["Onboarding:Welcome:Teams:0"] = Team,
            ["Onboarding:Welcome:Teams:1"] = OtherTeamGeneral,
            // Pacing is TeamsPacerTests' subject.
            ["Teams:ConversationSendInterval"] = "00:00:00",
            ["Teams:ProactiveCallsPerSecond"] = "0",
        }, time: _time);
        _client = await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task OnboardThenNextNextBackSendsOneCardPerStep()
    {
        var first = await ReplyToAsync(TeamsActivities.PersonalMessage(_connector.ServiceUrl, "onboard", id: NextId()));
        Assert.Contains("step 1 of 6", Heading(first.Card!));
        Assert.Contains("Six short steps", first.Card!.ToJsonString());   // the track's intro, as the note
        Assert.NotEmpty(Citations(first.Card!));

        var second = await ClickAsync(Button(first.Card!, "Next"), "reply-1");
        var third = await ClickAsync(Button(second.Card!, "Next"), "reply-2");
        var back = await ClickAsync(Button(third.Card!, "Back"), "reply-3");

        Assert.Contains("step 2 of 6", Heading(second.Card!));
        Assert.Contains("step 3 of 6", Heading(third.Card!));
        Assert.Contains("step 2 of 6", Heading(back.Card!));
        // A new message each time, in the member's chat, never a rewrite of the clicked card.
        Assert.All(_connector.Calls, c => Assert.Equal(("POST", TeamsActivities.PersonalConversation), (c.Method, c.ConversationId)));
        Assert.All([first, second, third, back], c => Assert.Equal(ReplyActions.OnboardNext, Button(c.Card!, "Next")["action"]!.GetValue<string>()));
        Assert.Matches(@"^welcome\|goal-and-strategy\|.+$", Button(back.Card!, "Next")["value"]!.GetValue<string>());
        await using var db = await Db();
        var progress = await db.Set<OnboardingProgress>().SingleAsync();
        Assert.Equal((TeamsActivities.UserAadId, "teams", "goal-and-strategy"), (progress.UserId, progress.Platform, progress.StepId));
    }

    [Fact]
    public async Task ContinueOnboardingResumesWhereTheMemberLeftIt()
    {
        var first = await ReplyToAsync(TeamsActivities.PersonalMessage(_connector.ServiceUrl, "onboard", id: NextId()));
        await ClickAsync(Button(first.Card!, "Next"), "reply-1");

        var resumed = await ReplyToAsync(TeamsActivities.PersonalMessage(_connector.ServiceUrl, "continue onboarding", id: NextId()));

        Assert.Contains("step 2 of 6", Heading(resumed.Card!));
        Assert.Contains("Welcome back", resumed.Card!.ToJsonString());
    }

    [Fact]
    public async Task FollowUpInAChannelThreadReadsTheThreadsPreviousQuestion()
    {
        var first = await ReplyToAsync(TeamsActivities.ChannelMention(_connector.ServiceUrl, "What can civil society do to help migrants in a crisis?", threadRoot: "1764000000800", id: "1764000000801"));
        var followUp = await ReplyToAsync(TeamsActivities.ChannelMention(_connector.ServiceUrl, "what about children?", threadRoot: "1764000000800", id: "1764000000802"));

        Assert.Equal($"{TeamsActivities.Channel};messageid=1764000000800", followUp.ConversationId);
        Assert.NotEmpty(Citations(first.Card!));
        Assert.Contains("child", Citations(followUp.Card!)[0], StringComparison.OrdinalIgnoreCase);
        await using var db = await Db();
        var asked = await db.AnsweredQuestions.OrderBy(a => a.AskedAt).ToListAsync();
        Assert.All(asked, a => Assert.Equal((TeamsActivities.Channel, "1764000000800"), (a.ConversationId, a.ThreadId)));
        Assert.NotNull(asked[^1].Context);   // answered as a follow-up
    }

    [Fact]
    public async Task MemberAddedToConfiguredTeamsIsWelcomedOnceInANewPersonalChat()
    {
        await PostAsync(TeamsActivities.MembersAdded(_connector.ServiceUrl, Team, Team, NextId(), (NewcomerId, NewcomerAadId)));
        Assert.Empty(_connector.Calls);
        await RunWorkerAsync();

        var calls = _connector.Calls;
        Assert.Equal([FakeBotConnector.CreateConversation, FakeBotConnector.CreatedConversationId], calls.Select(c => c.ConversationId));
        var create = calls[0].Activity;
        Assert.Equal(NewcomerId, create["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsActivities.TenantId, create["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        var welcome = calls[1];
        Assert.Null(welcome.ActivityId);
        Assert.Contains("Welcome to the coalition!", welcome.Card!.ToJsonString());
        Assert.Equal(ReplyActions.OnboardStart, Button(welcome.Card!, "Start the tour")["action"]!.GetValue<string>());

        // Added again, and to the other configured team (matched by its conversation id): no second welcome.
        await PostAsync(TeamsActivities.MembersAdded(_connector.ServiceUrl, Team, Team, NextId(), (NewcomerId, NewcomerAadId)));
        await PostAsync(TeamsActivities.MembersAdded(_connector.ServiceUrl, OtherTeamGeneral, "19:other-team@thread.tacv2", NextId(), (NewcomerId, NewcomerAadId)));
        await RunWorkerAsync();

        Assert.Equal(2, _connector.Calls.Count);
        await using var db = await Db();
        Assert.Equal(NewcomerAadId, (await db.Set<OnboardingWelcome>().SingleAsync()).UserId);
    }

    [Fact]
    public async Task OnlyPeopleJoiningAConfiguredTeamAreWelcomed()
    {
        // The bot's own arrival in a configured team, and a member joining a team that is not configured.
        await PostAsync(TeamsActivities.MembersAdded(_connector.ServiceUrl, Team, Team, NextId(), (TeamsActivities.BotId, "")));
        await PostAsync(TeamsActivities.MembersAdded(_connector.ServiceUrl, "19:elsewhere@thread.tacv2", "19:elsewhere-team@thread.tacv2", NextId(), (NewcomerId, NewcomerAadId)));
        await RunWorkerAsync();

        Assert.Empty(_connector.Calls);
        await using var db = await Db();
        Assert.Empty(await db.Set<OnboardingWelcome>().ToListAsync());
    }

    [Fact]
    public async Task StartTheTourFromTheWelcomeOpensTheFirstStep()
    {
        await PostAsync(TeamsActivities.MembersAdded(_connector.ServiceUrl, Team, Team, NextId(), (TeamsActivities.UserId, TeamsActivities.UserAadId)));
        await RunWorkerAsync();
        var welcome = _connector.Calls[^1];

        var step = await ClickAsync(Button(welcome.Card!, "Start the tour"), welcome.ResponseId!);

        Assert.Contains("step 1 of 6", Heading(step.Card!));
    }

    private Task RunWorkerAsync() => _host.Services.GetRequiredService<CoalitionBot.Reminders.DeliveryWorker>().RunOnceAsync(CancellationToken.None);

    private async Task<ConnectorCall> ClickAsync(JsonObject data, string replyToId) =>
        await ReplyToAsync(TeamsActivities.Submit(_connector.ServiceUrl, (JsonObject)data.DeepClone(), replyToId, id: NextId()));

    private async Task<ConnectorCall> ReplyToAsync(JsonObject activity)
    {
        var before = _connector.Calls.Count;
        await PostAsync(activity);
        // CloudAdapter answers the POST only after the turn's sends: the replies are already recorded.
        return Assert.Single(_connector.Calls.Skip(before));
    }

    private async Task PostAsync(JsonObject activity)
    {
        var response = await _client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private string NextId() => $"17640002{Interlocked.Increment(ref _ids):D5}";

    private Task<CoalitionDbContext> Db() =>
        _host.Services.GetRequiredService<IDbContextFactory<CoalitionDbContext>>().CreateDbContextAsync();

    private static IEnumerable<JsonObject> Body(JsonObject card) => card["body"]!.AsArray().OfType<JsonObject>();

    /// <summary>The card's heading: an onboarding step's title line.</summary>
    private static string Heading(JsonObject card) =>
        Body(card).Single(e => e["weight"]?.GetValue<string>() == "Bolder")["text"]!.GetValue<string>();

    /// <summary>The quoted passage of each citation, in order.</summary>
    private static List<string> Citations(JsonObject card) =>
        Body(card).Where(e => e["type"]!.GetValue<string>() == "Container").Select(c => c["items"]![1]!["text"]!.GetValue<string>()).ToList();

    /// <summary>The data of the card's Action.Submit titled <paramref name="title"/>.</summary>
    private static JsonObject Button(JsonObject card, string title) =>
        (JsonObject)Body(card).Where(e => e["type"]!.GetValue<string>() == "ActionSet")
            .SelectMany(s => s["actions"]!.AsArray().OfType<JsonObject>())
            .Single(a => a["title"]!.GetValue<string>() == title)["data"]!;
}
