using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CoalitionBot.Conversation;
using CoalitionBot.Teams.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Teams.Tests.EndToEnd;

/// <summary>References stored on install reach the member later, through CloudAdapter and the fake connector.</summary>
public sealed class TeamsProactiveTests : IAsyncLifetime
{
    private static readonly Reply Reminder = new(ReplyKind.Help, "Reminder: the joint letter closes tomorrow at 17:00.", null, []);
    private FakeBotConnector _connector = null!;
    private TeamsHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        // Pacing is TeamsPacerTests' subject; here it would only make the retries slow.
        _host = new TeamsHost(settings: new Dictionary<string, string> { ["Teams:ConversationSendInterval"] = "00:00:00", ["Teams:ProactiveCallsPerSecond"] = "0" });
        _client = await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task ProactiveSendAfterInstallReachesTheConnector()
    {
        await InstallAsync();

        var outcome = await Sender.SendToMemberAsync(TeamsActivities.UserAadId, Reminder, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, outcome);
        var sent = (await _connector.WaitForCallsAsync(2))[1];
        Assert.Equal("POST", sent.Method);
        Assert.Equal(TeamsActivities.PersonalConversation, sent.ConversationId);
        Assert.Null(sent.ActivityId);   // a new message, not a reply to the install
        Assert.Contains("the joint letter closes tomorrow", sent.Card!.ToJsonString());
    }

    [Fact]
    public async Task ThrottledSendIsRetriedAfterRetryAfter()
    {
        await InstallAsync();
        _connector.ReplyNext(429, retryAfter: "0").ReplyNext(503);

        var outcome = await Sender.SendToMemberAsync(TeamsActivities.UserAadId, Reminder, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, outcome);
        var calls = _connector.Calls.Skip(1).ToList();
        Assert.Equal([429, 503, 200], calls.Select(c => c.Status));
        Assert.All(calls, c => Assert.Equal(TeamsActivities.PersonalConversation, c.ConversationId));
    }

    [Fact]
    public async Task RefusedSendIsNotRetried()
    {
        await InstallAsync();
        _connector.ReplyNext(403);

        var outcome = await Sender.SendToMemberAsync(TeamsActivities.UserAadId, Reminder, CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, outcome);
        Assert.Equal(2, _connector.Calls.Count);
    }

    [Fact]
    public async Task MemberKnownOnlyFromAChannelGetsANewPersonalChat()
    {
        var mention = TeamsActivities.ChannelMention(_connector.ServiceUrl, "help", threadRoot: "1764000000700", id: "1764000000701");
        await _client.PostAsync("/api/messages", new StringContent(mention.ToJsonString(), Encoding.UTF8, "application/json"));
        await _connector.WaitForCallsAsync(1);
        _connector.ReplyNext(429, retryAfter: "0");

        var outcome = await Sender.SendToMemberAsync(TeamsActivities.UserAadId, Reminder, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, outcome);
        var calls = _connector.Calls.Skip(1).ToList();
        Assert.Equal([FakeBotConnector.CreateConversation, FakeBotConnector.CreateConversation, FakeBotConnector.CreatedConversationId], calls.Select(c => c.ConversationId));
        Assert.Equal(429, calls[0].Status);
        var create = calls[1].Activity;
        Assert.Equal(TeamsActivities.UserId, create["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsActivities.TenantId, create["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.Contains("the joint letter closes tomorrow", calls[2].Card!.ToJsonString());
        // The new 1:1 is remembered: the next send goes straight to it.
        Assert.Equal(SendOutcome.Sent, await Sender.SendToMemberAsync(TeamsActivities.UserAadId, Reminder, CancellationToken.None));
        Assert.Equal(FakeBotConnector.CreatedConversationId, _connector.Calls[^1].ConversationId);
        Assert.Equal(5, _connector.Calls.Count);
    }

    [Fact]
    public async Task MemberWhoNeverWroteIsUnreachable()
    {
        var outcome = await Sender.SendToMemberAsync("never-seen", Reminder, CancellationToken.None);

        Assert.Equal(SendOutcome.Unreachable, outcome);
        Assert.Empty(_connector.Calls);
    }

    private TeamsSender Sender => _host.Services.GetRequiredService<TeamsSender>();

    private IReplySender CoreSender => _host.Services.GetServices<IReplySender>().Single(s => s.Platform == "teams");

    [Fact]
    public async Task CoreReplySenderReachesAMemberAndAStoredConversation()
    {
        await InstallAsync();

        var toMember = await CoreSender.SendAsync(ReplyTarget.Member("teams", TeamsActivities.UserAadId), Reminder, CancellationToken.None);
        var toConversation = await CoreSender.SendAsync(ReplyTarget.Conversation("teams", TeamsActivities.PersonalConversation), Reminder, CancellationToken.None);

        var calls = await _connector.WaitForCallsAsync(3);
        Assert.Equal(TeamsActivities.PersonalConversation, calls[1].ConversationId);
        Assert.Equal(TeamsActivities.PersonalConversation, calls[2].ConversationId);
        Assert.Equal(TeamsActivities.PersonalConversation, toConversation.ConversationId);
        Assert.NotNull(toMember);
    }

    [Fact]
    public async Task CoreReplySenderPostsInAChannelThreadAndReturnsTheMessageId()
    {
        var mention = TeamsActivities.ChannelMention(_connector.ServiceUrl, "help", threadRoot: "1764000000700", id: "1764000000701");
        await _client.PostAsync("/api/messages", new StringContent(mention.ToJsonString(), Encoding.UTF8, "application/json"));
        await _connector.WaitForCallsAsync(1);

        var newPost = await CoreSender.SendAsync(ReplyTarget.Conversation("teams", TeamsActivities.Channel), Reminder, CancellationToken.None);
        var inThread = await CoreSender.SendAsync(ReplyTarget.Conversation("teams", TeamsActivities.Channel, "1764000000700"), Reminder, CancellationToken.None);

        var calls = await _connector.WaitForCallsAsync(3);
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

    private async Task InstallAsync()
    {
        var response = await _client.PostAsync("/api/messages", new StringContent(TeamsActivities.BotInstalled(_connector.ServiceUrl).ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _connector.WaitForCallsAsync(1);   // the welcome
    }
}
