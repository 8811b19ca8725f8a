using CoalitionBot.Conversation;
using CoalitionBot.Teams.AdaptiveCards;
using CoalitionBot.Teams.Connector;
using CoalitionBot.Teams.Conversations;
using CoalitionBot.Teams.Handlers;
using CoalitionBot.Teams.Tests.Support;
using CoalitionBot.Tests.Support;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;

namespace CoalitionBot.Teams.Tests.Handler;

/// <summary>With a chat model, Teams shows "typing…" while the model writes, then sends the card.</summary>
public sealed class GeneratedAnswerTypingTests : IAsyncLifetime
{
    private const string Question = "What can diaspora groups do in a crisis?";
    private const string Generated = "Diaspora groups can raise funds for humanitarian assistance [1].";
    private FakeModelServer _model = null!;
    private TeamsHost _host = null!;

    public async Task InitializeAsync()
    {
        _model = await FakeModelServer.StartAsync();
        _model.Reply = _ => Generated;
        var settings = _model.Settings("Ollama").Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!);
        _host = new TeamsHost(settings: settings);
        (await _host.StartAsync()).Dispose();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task TypingComesFirstThenTheCardWithTheGeneratedAnswer()
    {
        var handler = new CoalitionActivityHandler(
            _host.Services.GetRequiredService<ConversationEngine>(),
            _host.Services.GetRequiredService<ConversationReferenceStore>(),
            _host.Services.GetRequiredService<TeamsReplier>(),
            _host.Services.GetRequiredService<TeamsInteractions>(),
            _host.Services.GetRequiredService<TeamsCoordinatorReplies>(),
            _host.Services.GetRequiredService<TeamsWelcomes>(),
            NullLogger<CoalitionActivityHandler>.Instance);
        var adapter = new TestAdapter(new ConversationReference
        {
            ChannelId = Channels.Msteams,
            ServiceUrl = "https://test.example/",
            User = new ChannelAccount(TeamsActivities.UserId, "Amina Diallo", aadObjectId: TeamsActivities.UserAadId),
            Bot = new ChannelAccount(TeamsActivities.BotId, TeamsActivities.BotName),
            Conversation = new ConversationAccount(conversationType: "personal", id: "a:personal-1", tenantId: TeamsActivities.TenantId),
        });

        await new TestFlow(adapter, handler)
            .Send(new Activity { Type = ActivityTypes.Message, Text = Question })
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply =>
            {
                var attachment = Assert.Single(((IMessageActivity)reply).Attachments);
                Assert.Equal(ReplyCard.ContentType, attachment.ContentType);
                var card = Assert.IsType<JObject>(attachment.Content).ToString(Newtonsoft.Json.Formatting.None);
                Assert.Contains(Generated, card);
                Assert.Contains("004_949f98561308b498.txt", card);
            })
            .StartTestAsync();
    }
}
