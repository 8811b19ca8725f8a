using System.Text.Json.Nodes;
using CoalitionBot.Actions;
using CoalitionBot.Conversation;
using CoalitionBot.Reminders;
using CoalitionBot.Teams.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Teams.Tests.EndToEnd;

/// <summary>
/// The roster of a Teams conversation for actions with "dm": read from the fake Bot Connector's pagedmembers over
/// the stored reference, and every member reachable afterwards, also those who never wrote to the bot.
/// </summary>
public sealed class TeamsAudienceDirectoryTests : IAsyncLifetime
{
    private const string NewcomerAadId = "5a5a5a5a-0000-4000-8000-00000000c3c3";
    private const string NewcomerChannelId = "29:3newcomer-channel-id";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 21, 0, 0, TimeSpan.Zero));
    private TeamsConversation _teams = null!;

    public async Task InitializeAsync() => _teams = await TeamsConversation.StartAsync(time: _time, settings: TeamsHost.Unpaced());

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task ConversationTheBotNeverSawIsUnavailableWithAClearMessage()
    {
        var reachable = await Assert.ThrowsAsync<AudienceUnavailableException>(() => Directory.EnsureReachableAsync("19:unknown@thread.tacv2", CancellationToken.None));
        var members = await Assert.ThrowsAsync<AudienceUnavailableException>(() => Directory.MembersAsync("19:unknown@thread.tacv2", CancellationToken.None));

        Assert.Contains("The bot has not been added to that Teams conversation (19:unknown@thread.tacv2)", reachable.Message);
        Assert.Equal(reachable.Message, members.Message);
        Assert.Empty(_teams.Connector.Calls);
    }

    [Fact]
    public async Task MembersAreReadPageByPageAsEntraIdsWithoutTheBot()
    {
        await MentionInChannelAsync();

        var members = await Directory.MembersAsync(TeamsActivities.Channel, CancellationToken.None);

        Assert.Equal([TeamsActivities.UserAadId, NewcomerAadId], members);
        var reads = _teams.Connector.Calls.Where(c => c.Method == "GET").ToList();
        Assert.Equal([TeamsActivities.Channel, TeamsActivities.Channel], reads.Select(r => r.ConversationId));
        Assert.Equal([null, "1"], reads.Select(r => r.ActivityId));   // the second page asked by its continuation token
        await Directory.EnsureReachableAsync($"{TeamsActivities.Channel};messageid=1764000000700", CancellationToken.None);
    }

    [Fact]
    public async Task MemberWhoNeverWroteIsReachedInANewPersonalChatAfterTheRosterWasRead()
    {
        await MentionInChannelAsync();
        await Directory.MembersAsync(TeamsActivities.Channel, CancellationToken.None);
        var before = _teams.Connector.Calls.Count;

        var sent = await Sender.SendAsync(ReplyTarget.Member("teams", NewcomerAadId), new Reply(ReplyKind.Announcement, "Please sign.", null, []), CancellationToken.None);

        var calls = _teams.Connector.Calls.Skip(before).ToList();
        Assert.Equal([FakeBotConnector.CreateConversation, FakeBotConnector.CreatedConversationId], calls.Select(c => c.ConversationId));
        Assert.Equal(NewcomerChannelId, calls[0].Activity["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsActivities.TenantId, calls[0].Activity["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.Equal(NewcomerAadId, sent.ConversationId);
    }

    [Fact]
    public async Task RosterTheConnectorRefusesIsUnavailable()
    {
        await MentionInChannelAsync();
        _teams.Connector.ReplyNext(403);

        var refused = await Assert.ThrowsAsync<AudienceUnavailableException>(() => Directory.MembersAsync(TeamsActivities.Channel, CancellationToken.None));

        Assert.Contains("Teams refused to list the members", refused.Message);
    }

    [Fact]
    public async Task DmActionIsPostedInTheChannelAndSentToEachMember()
    {
        await MentionInChannelAsync();
        var request = new NewAction("sign-on", "Joint letter", "Please sign.", null, new DateTimeOffset(2026, 12, 4, 17, 0, 0, TimeSpan.Zero), "Europe/Brussels",
            [new NewAudience("teams", null, TeamsActivities.Channel, Dm: true)], ["P1D"]);
        var (action, problem) = await Actions.CreateAsync(request, "test", CancellationToken.None);
        Assert.Null(problem);
        var before = _teams.Connector.Calls.Count;

        await _teams.Services.GetRequiredService<DeliveryWorker>().RunOnceAsync(CancellationToken.None);

        var calls = _teams.Connector.Calls.Skip(before).ToList();
        Assert.Single(calls, c => c.ConversationId == TeamsActivities.Channel && c.Card?.ToJsonString().Contains("Joint letter") == true);
        var opened = calls.Where(c => c.ConversationId == FakeBotConnector.CreateConversation).Select(c => c.Activity["members"]![0]!["id"]!.GetValue<string>()).Order().ToList();
        Assert.Equal([TeamsActivities.UserId, NewcomerChannelId], opened);
        var view = (await Actions.GetAsync(action!.Id, CancellationToken.None))!;
        Assert.All(view.Deliveries!.Where(d => d.Kind == "action.broadcast"), d => Assert.Equal("sent", d.State));
    }

    private IAudienceDirectory Directory => _teams.Services.GetServices<IAudienceDirectory>().Single(d => d.Platform == "teams");

    private IReplySender Sender => _teams.Services.GetServices<IReplySender>().Single(s => s.Platform == "teams");

    private ActionService Actions => _teams.Services.GetRequiredService<ActionService>();

    /// <summary>A member @mentions the bot in the channel (which stores the channel's reference), and the roster is set up.</summary>
    private async Task MentionInChannelAsync()
    {
        _teams.Connector.Members(
            TeamsActivities.Channel,
            [Member(TeamsActivities.UserId, TeamsActivities.UserAadId, "Amina Diallo"), Member(TeamsActivities.BotId, null, TeamsActivities.BotName)],
            [Member(NewcomerChannelId, NewcomerAadId, "Jonas Weber")]);
        await _teams.PostAsync(TeamsActivities.ChannelMention(_teams.ServiceUrl, "help", threadRoot: "1764000000700", id: "1764000000701"));
    }

    private static JsonObject Member(string id, string? aadObjectId, string name)
    {
        var member = new JsonObject { ["id"] = id, ["name"] = name, ["tenantId"] = TeamsActivities.TenantId, ["userRole"] = "user" };
        if (aadObjectId is not null)
        {
            member["aadObjectId"] = aadObjectId;
        }
        return member;
    }
}
