using CoalitionBot.Conversation;
using CoalitionBot.Slack.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Slack.Tests.EndToEnd;

/// <summary>Proactive sends (broadcasts and reminders build on them) through the host's Slack sender to the fake Slack.</summary>
public sealed class ProactiveSendTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private SlackHost _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _host = new SlackHost(_slack, mode: "Http", signingSecret: "secret");
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private IReplySender Sender => _host.Services.GetServices<IReplySender>().Single(s => s.Platform == "slack");

    [Fact]
    public async Task ReplyToAMemberOpensTheirDmAndPostsThere()
    {
        var sent = await Sender.SendAsync(ReplyTarget.Member("slack", "U42"), ConversationEngine.Help(), CancellationToken.None);

        var open = await _slack.WaitForCallAsync("conversations.open");
        Assert.Equal("U42", open.Body["users"]!.GetValue<string>());
        var post = await _slack.WaitForCallAsync("chat.postMessage");
        Assert.Equal("DU42", post.Body["channel"]!.GetValue<string>());
        Assert.Equal("DU42", sent.ConversationId);
        Assert.False(string.IsNullOrEmpty(sent.MessageId));
    }

    [Fact]
    public async Task ReplyToAChannelThreadPostsInTheThread()
    {
        await Sender.SendAsync(ReplyTarget.Conversation("slack", "C0123", "1764000000.000100"), ConversationEngine.Help(), CancellationToken.None);

        var post = await _slack.WaitForCallAsync("chat.postMessage");
        Assert.Equal("C0123", post.Body["channel"]!.GetValue<string>());
        Assert.Equal("1764000000.000100", post.Body["thread_ts"]!.GetValue<string>());
        Assert.DoesNotContain(_slack.Calls, c => c.Method == "conversations.open");
    }
}
