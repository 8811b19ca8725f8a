using CoalitionBot.Conversation;
using CoalitionBot.Teams.Connector;
using CoalitionBot.Teams.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Teams.Tests.EndToEnd;

/// <summary>References stored on install reach the member later, through CloudAdapter and the fake connector.</summary>
public sealed class TeamsProactiveTests : IAsyncLifetime
{
    private static readonly Reply Reminder = new(ReplyKind.Help, "Reminder: the joint letter closes tomorrow at 17:00.", null, []);
    private TeamsConversation _teams = null!;

    public async Task InitializeAsync() => _teams = await TeamsConversation.StartAsync(settings: TeamsHost.Unpaced());

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task ProactiveSendAfterInstallReachesTheConnector()
    {
        await _teams.InstallAsync();

        var outcome = await Sender.SendToMemberAsync(TeamsActivities.UserAadId, Reminder, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, outcome);
        var sent = (await _teams.Connector.WaitForCallsAsync(2))[1];
        Assert.Equal("POST", sent.Method);
        Assert.Equal(TeamsActivities.PersonalConversation, sent.ConversationId);
        Assert.Null(sent.ActivityId);   // a new message, not a reply to the install
        Assert.Contains("the joint letter closes tomorrow", sent.Card!.ToJsonString());
    }

    [Fact]
    public async Task ThrottledSendIsRetriedAfterRetryAfter()
    {
        await _teams.InstallAsync();
        _teams.Connector.ReplyNext(429, retryAfter: "0").ReplyNext(503);

        var outcome = await Sender.SendToMemberAsync(TeamsActivities.UserAadId, Reminder, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, outcome);
        var calls = _teams.Connector.Calls.Skip(1).ToList();
        Assert.Equal([429, 503, 200], calls.Select(c => c.Status));
        Assert.All(calls, c => Assert.Equal(TeamsActivities.PersonalConversation, c.ConversationId));
    }

    [Fact]
    public async Task RefusedSendIsNotRetried()
    {
        await _teams.InstallAsync();
        _teams.Connector.ReplyNext(403);

        var outcome = await Sender.SendToMemberAsync(TeamsActivities.UserAadId, Reminder, CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, outcome);
        Assert.Equal(2, _teams.Connector.Calls.Count);
    }

    [Fact]
    public async Task MemberKnownOnlyFromAChannelGetsANewPersonalChat()
    {
        await _teams.ReplyToAsync(TeamsActivities.ChannelMention(_teams.ServiceUrl, "help", threadRoot: "1764000000700", id: "1764000000701"));
        _teams.Connector.ReplyNext(429, retryAfter: "0");

        var outcome = await Sender.SendToMemberAsync(TeamsActivities.UserAadId, Reminder, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, outcome);
        var calls = _teams.Connector.Calls.Skip(1).ToList();
        Assert.Equal([FakeBotConnector.CreateConversation, FakeBotConnector.CreateConversation, FakeBotConnector.CreatedConversationId], calls.Select(c => c.ConversationId));
        Assert.Equal(429, calls[0].Status);
        var create = calls[1].Activity;
        Assert.Equal(TeamsActivities.UserId, create["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsActivities.TenantId, create["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.Contains("the joint letter closes tomorrow", calls[2].Card!.ToJsonString());
        // The new 1:1 is remembered: the next send goes straight to it.
        Assert.Equal(SendOutcome.Sent, await Sender.SendToMemberAsync(TeamsActivities.UserAadId, Reminder, CancellationToken.None));
        Assert.Equal(FakeBotConnector.CreatedConversationId, _teams.Connector.Calls[^1].ConversationId);
        Assert.Equal(5, _teams.Connector.Calls.Count);
    }

    [Fact]
    public async Task MemberWhoNeverWroteIsUnreachable()
    {
        var outcome = await Sender.SendToMemberAsync("never-seen", Reminder, CancellationToken.None);

        Assert.Equal(SendOutcome.Unreachable, outcome);
        Assert.Empty(_teams.Connector.Calls);
    }

    private TeamsSender Sender => _teams.Services.GetRequiredService<TeamsSender>();

    private IReplySender CoreSender => _teams.Services.GetServices<IReplySender>().Single(s => s.Platform == "teams");

    [Fact]
    public async Task CoreReplySenderReachesAMemberAndAStoredConversation()
    {
        await _teams.InstallAsync();

        var toMember = await CoreSender.SendAsync(ReplyTarget.Member("teams", TeamsActivities.UserAadId), Reminder, CancellationToken.None);
        var toConversation = await CoreSender.SendAsync(ReplyTarget.Conversation("teams", TeamsActivities.PersonalConversation), Reminder, CancellationToken.None);

        var calls = await _teams.Connector.WaitForCallsAsync(3);
        Assert.Equal(TeamsActivities.PersonalConversation, calls[1].ConversationId);
        Assert.Equal(TeamsActivities.PersonalConversation, calls[2].ConversationId);
        Assert.Equal(TeamsActivities.PersonalConversation, toConversation.ConversationId);
        Assert.NotNull(toMember);
    }

    [Fact]
    public async Task CoreReplySenderPostsInAChannelThreadAndReturnsTheMessageId()
    {
        await _teams.ReplyToAsync(TeamsActivities.ChannelMention(_teams.ServiceUrl, "help", threadRoot: "1764000000700", id: "1764000000701"));

        var newPost = await CoreSender.SendAsync(ReplyTarget.Conversation("teams", TeamsActivities.Channel), Reminder, CancellationToken.None);
        var inThread = await CoreSender.SendAsync(ReplyTarget.Conversation("teams", TeamsActivities.Channel, "1764000000700"), Reminder, CancellationToken.None);

        var calls = await _teams.Connector.WaitForCallsAsync(3);
        Assert.Equal((TeamsActivities.Channel, (string?)null), (calls[1].ConversationId, calls[1].ActivityId));
        Assert.Equal(($"{TeamsActivities.Channel};messageid=1764000000700", (string?)null), (calls[2].ConversationId, calls[2].ActivityId));
        // The id the connector gave each message: for a new post, the root its thread's replies will name.
        Assert.Equal(calls[1].ResponseId, newPost.MessageId);
        Assert.Equal(calls[2].ResponseId, inThread.MessageId);
        Assert.Equal(TeamsActivities.Channel, inThread.ConversationId);
    }

    [Fact]
    public async Task CoreReplySenderRefusesAConversationItNeverSaw() =>
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            CoreSender.SendAsync(ReplyTarget.Conversation("teams", "19:unknown@thread.tacv2"), Reminder, CancellationToken.None));
}
