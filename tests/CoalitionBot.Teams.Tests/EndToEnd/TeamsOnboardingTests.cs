using System.Text.Json.Nodes;
using CoalitionBot.Conversation;
using CoalitionBot.Onboarding;
using CoalitionBot.Teams.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoalitionBot.Teams.Tests.Support.Cards;

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
    private TeamsConversation _teams = null!;

    public async Task InitializeAsync() =>
        _teams = await TeamsConversation.StartAsync(time: _time, settings: TeamsHost.Unpaced(new()
        {
            // One team by its team id, another by its general channel's conversation id.
            ["Onboarding:Welcome:Teams:0"] = Team,
            ["Onboarding:Welcome:Teams:1"] = OtherTeamGeneral,
        }));

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task OnboardThenNextNextBackSendsOneCardPerStep()
    {
        var first = await _teams.SayAsync("onboard");
        Assert.Contains("step 1 of 6", Heading(first.Card!));
        Assert.Contains("Six short steps", first.Card!.ToJsonString());   // the track's intro, as the note
        Assert.NotEmpty(Citations(first.Card!));

        var second = await _teams.ClickAsync(Button(first.Card!, "Next"), "reply-1");
        var third = await _teams.ClickAsync(Button(second.Card!, "Next"), "reply-2");
        var back = await _teams.ClickAsync(Button(third.Card!, "Back"), "reply-3");

        Assert.Contains("step 2 of 6", Heading(second.Card!));
        Assert.Contains("step 3 of 6", Heading(third.Card!));
        Assert.Contains("step 2 of 6", Heading(back.Card!));
        // A new message each time, in the member's chat, never a rewrite of the clicked card.
        Assert.All(_teams.Connector.Calls, c => Assert.Equal(("POST", TeamsActivities.PersonalConversation), (c.Method, c.ConversationId)));
        Assert.All([first, second, third, back], c => Assert.Equal(ReplyActions.OnboardNext, Button(c.Card!, "Next")["action"]!.GetValue<string>()));
        Assert.Matches(@"^welcome\|goal-and-strategy\|.+$", Button(back.Card!, "Next")["value"]!.GetValue<string>());
        await using var db = await _teams.Db();
        var progress = await db.Set<OnboardingProgress>().SingleAsync();
        Assert.Equal((TeamsActivities.UserAadId, "teams", "goal-and-strategy"), (progress.UserId, progress.Platform, progress.StepId));
    }

    [Fact]
    public async Task ContinueOnboardingResumesWhereTheMemberLeftIt()
    {
        var first = await _teams.SayAsync("onboard");
        await _teams.ClickAsync(Button(first.Card!, "Next"), "reply-1");

        var resumed = await _teams.SayAsync("continue onboarding");

        Assert.Contains("step 2 of 6", Heading(resumed.Card!));
        Assert.Contains("Welcome back", resumed.Card!.ToJsonString());
    }

    [Fact]
    public async Task FollowUpInAChannelThreadReadsTheThreadsPreviousQuestion()
    {
        var first = await _teams.ReplyToAsync(TeamsActivities.ChannelMention(_teams.ServiceUrl, "What can civil society do to help migrants in a crisis?", threadRoot: "1764000000800", id: "1764000000801"));
        var followUp = await _teams.ReplyToAsync(TeamsActivities.ChannelMention(_teams.ServiceUrl, "what about children?", threadRoot: "1764000000800", id: "1764000000802"));

        Assert.Equal($"{TeamsActivities.Channel};messageid=1764000000800", followUp.ConversationId);
        Assert.NotEmpty(Citations(first.Card!));
        Assert.Contains("child", Citations(followUp.Card!)[0], StringComparison.OrdinalIgnoreCase);
        await using var db = await _teams.Db();
        var asked = await db.AnsweredQuestions.OrderBy(a => a.AskedAt).ToListAsync();
        Assert.All(asked, a => Assert.Equal((TeamsActivities.Channel, "1764000000800"), (a.ConversationId, a.ThreadId)));
        Assert.NotNull(asked[^1].Context);   // answered as a follow-up
    }

    [Fact]
    public async Task MemberAddedToConfiguredTeamsIsWelcomedOnceInANewPersonalChat()
    {
        await _teams.PostAsync(TeamsActivities.MembersAdded(_teams.ServiceUrl, Team, Team, _teams.NextId(), (NewcomerId, NewcomerAadId)));
        Assert.Empty(_teams.Connector.Calls);
        await RunWorkerAsync();

        var calls = _teams.Connector.Calls;
        Assert.Equal([FakeBotConnector.CreateConversation, FakeBotConnector.CreatedConversationId], calls.Select(c => c.ConversationId));
        var create = calls[0].Activity;
        Assert.Equal(NewcomerId, create["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsActivities.TenantId, create["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        var welcome = calls[1];
        Assert.Null(welcome.ActivityId);
        Assert.Contains("Welcome to the coalition!", welcome.Card!.ToJsonString());
        Assert.Equal(ReplyActions.OnboardStart, Button(welcome.Card!, "Start the tour")["action"]!.GetValue<string>());

        // Added again, and to the other configured team (matched by its conversation id): no second welcome.
        await _teams.PostAsync(TeamsActivities.MembersAdded(_teams.ServiceUrl, Team, Team, _teams.NextId(), (NewcomerId, NewcomerAadId)));
        await _teams.PostAsync(TeamsActivities.MembersAdded(_teams.ServiceUrl, OtherTeamGeneral, "19:other-team@thread.tacv2", _teams.NextId(), (NewcomerId, NewcomerAadId)));
        await RunWorkerAsync();

        Assert.Equal(2, _teams.Connector.Calls.Count);
        await using var db = await _teams.Db();
        Assert.Equal(NewcomerAadId, (await db.Set<OnboardingWelcome>().SingleAsync()).UserId);
    }

    [Fact]
    public async Task OnlyPeopleJoiningAConfiguredTeamAreWelcomed()
    {
        // The bot's own arrival in a configured team, and a member joining a team that is not configured.
        await _teams.PostAsync(TeamsActivities.MembersAdded(_teams.ServiceUrl, Team, Team, _teams.NextId(), (TeamsActivities.BotId, "")));
        await _teams.PostAsync(TeamsActivities.MembersAdded(_teams.ServiceUrl, "19:elsewhere@thread.tacv2", "19:elsewhere-team@thread.tacv2", _teams.NextId(), (NewcomerId, NewcomerAadId)));
        await RunWorkerAsync();

        Assert.Empty(_teams.Connector.Calls);
        await using var db = await _teams.Db();
        Assert.Empty(await db.Set<OnboardingWelcome>().ToListAsync());
    }

    [Fact]
    public async Task StartTheTourFromTheWelcomeOpensTheFirstStep()
    {
        await _teams.PostAsync(TeamsActivities.MembersAdded(_teams.ServiceUrl, Team, Team, _teams.NextId(), (TeamsActivities.UserId, TeamsActivities.UserAadId)));
        await RunWorkerAsync();
        var welcome = _teams.Connector.Calls[^1];

        var step = await _teams.ClickAsync(Button(welcome.Card!, "Start the tour"), welcome.ResponseId!);

        Assert.Contains("step 1 of 6", Heading(step.Card!));
    }

    private Task RunWorkerAsync() => _teams.Services.GetRequiredService<CoalitionBot.Reminders.DeliveryWorker>().RunOnceAsync(CancellationToken.None);

    /// <summary>The card's heading: an onboarding step's title line.</summary>
    private static string Heading(JsonObject card) =>
        Body(card).Single(e => e["weight"]?.GetValue<string>() == "Bolder")["text"]!.GetValue<string>();

    /// <summary>The quoted passage of each citation, in order.</summary>
    private static List<string> Citations(JsonObject card) =>
        Body(card).Where(e => e["type"]!.GetValue<string>() == "Container").Select(c => c["items"]![1]!["text"]!.GetValue<string>()).ToList();
}
