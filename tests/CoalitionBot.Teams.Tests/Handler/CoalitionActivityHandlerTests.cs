using CoalitionBot.Conversation;
using CoalitionBot.Knowledge;
using CoalitionBot.Storage;
using CoalitionBot.Teams.AdaptiveCards;
using CoalitionBot.Teams.Connector;
using CoalitionBot.Teams.Conversations;
using CoalitionBot.Teams.Handlers;
using CoalitionBot.Teams.Tests.Support;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;

namespace CoalitionBot.Teams.Tests.Handler;

/// <summary>CoalitionActivityHandler through TestAdapter/TestFlow, over the host's real index and database.</summary>
public sealed class CoalitionActivityHandlerTests : IAsyncLifetime
{
    private const string Question = "What can diaspora groups do in a crisis?";
    private TeamsHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new TeamsHost();
        (await _host.StartAsync()).Dispose();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ChannelMentionIsStrippedBeforeTheQuestionIsAsked()
    {
        var adapter = ChannelAdapter();
        var mention = Message($"<at>{TeamsActivities.BotName}</at> {Question}");
        mention.Entities = [new Mention(new ChannelAccount(TeamsActivities.BotId, TeamsActivities.BotName), $"<at>{TeamsActivities.BotName}</at>", "mention")];

        await new TestFlow(adapter, Handler())
            .Send(mention)
            .AssertReply(reply => Assert.Contains("004_949f98561308b498.txt", CardJson(reply)))
            .StartTestAsync();

        await using var db = await Db();
        Assert.Equal(Question, (await db.AnsweredQuestions.SingleAsync()).Question);
    }

    [Fact]
    public async Task MentionAloneIsAnsweredWithHelpAndExampleQuestions()
    {
        var mention = Message($"<at>{TeamsActivities.BotName}</at>");
        mention.Entities = [new Mention(new ChannelAccount(TeamsActivities.BotId, TeamsActivities.BotName), $"<at>{TeamsActivities.BotName}</at>", "mention")];

        await new TestFlow(ChannelAdapter(), Handler())
            .Send(mention)
            .AssertReply(reply =>
            {
                var card = CardJson(reply);
                Assert.Contains(ConversationEngine.ExampleQuestions[0], card);
                Assert.Contains(ReplyActions.Ask, card);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task AnswerFailureIsAnsweredWithAnApologyAndTryAgain()
    {
        var broken = new ConversationEngine(
            _host.Services.GetRequiredService<AnswerService>(), _host.Services.GetRequiredService<SuggestionPool>(),
            _host.Services.GetRequiredService<CoalitionBot.Onboarding.OnboardingService>(), _host.Services.GetRequiredService<CoordinatorQuestions>(), _host.Services.GetRequiredService<CoalitionBot.Actions.ActionInteractions>(), LibraryScopes.None, new BrokenDatabase(),
            Microsoft.Extensions.Options.Options.Create(new ConversationOptions()), TimeProvider.System);

        await new TestFlow(ChannelAdapter(), Handler(broken))
            .Send(Message(Question))
            .AssertReply(reply =>
            {
                var card = CardJson(reply);
                Assert.Contains("Sorry, something went wrong", card);
                Assert.Contains(ReplyActions.Retry, card);
                Assert.Contains(Question, card);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task FeedbackForAnAnswerWeNeverGaveSaysNothingWasRecorded()
    {
        var submit = Message(null);
        submit.Value = JObject.FromObject(new { action = ReplyActions.Helpful, value = Guid.NewGuid().ToString(), answerId = Guid.NewGuid().ToString() });
        submit.ReplyToId = "card-1";

        await new TestFlow(ChannelAdapter(), Handler())
            .Send(submit)
            .AssertReply(reply => Assert.Contains("nothing was recorded", ((IMessageActivity)reply).Text))
            .StartTestAsync();

        await using var db = await Db();
        Assert.Empty(await db.AnswerFeedback.ToListAsync());
    }

    [Fact]
    public async Task SubmitWithoutAnActionGetsAFriendlyMessage()
    {
        var submit = Message(null);
        submit.Value = new JObject();

        await new TestFlow(ChannelAdapter(), Handler())
            .Send(submit)
            .AssertReply(InteractionHandler.UnknownButton)
            .StartTestAsync();
    }

    private CoalitionActivityHandler Handler(ConversationEngine? engine = null) => new(
        engine ?? _host.Services.GetRequiredService<ConversationEngine>(),
        _host.Services.GetRequiredService<ConversationReferenceStore>(),
        _host.Services.GetRequiredService<TeamsReplier>(),
        _host.Services.GetRequiredService<TeamsInteractions>(),
        _host.Services.GetRequiredService<TeamsCoordinatorReplies>(),
        _host.Services.GetRequiredService<TeamsWelcomes>(),
        NullLogger<CoalitionActivityHandler>.Instance);

    /// <summary>A Teams channel as TestAdapter's conversation: the bot is the recipient our mentions name.</summary>
    private static TestAdapter ChannelAdapter() => new(new ConversationReference
    {
        ChannelId = Channels.Msteams,
        ServiceUrl = "https://test.example/",
        User = new ChannelAccount(TeamsActivities.UserId, "Amina Diallo", aadObjectId: TeamsActivities.UserAadId),
        Bot = new ChannelAccount(TeamsActivities.BotId, TeamsActivities.BotName),
        Conversation = new ConversationAccount(conversationType: "channel", id: $"{TeamsActivities.Channel};messageid=1764000000500", tenantId: TeamsActivities.TenantId),
    });

    private static Activity Message(string? text) => new() { Type = ActivityTypes.Message, Text = text };

    private static string CardJson(IActivity reply)
    {
        var attachment = Assert.Single(((IMessageActivity)reply).Attachments);
        Assert.Equal(ReplyCard.ContentType, attachment.ContentType);
        return Assert.IsType<JObject>(attachment.Content).ToString(Newtonsoft.Json.Formatting.None);
    }

    private Task<CoalitionDbContext> Db() =>
        _host.Services.GetRequiredService<IDbContextFactory<CoalitionDbContext>>().CreateDbContextAsync();

    /// <summary>A database that is down: answering works, recording the answer throws.</summary>
    private sealed class BrokenDatabase : IDbContextFactory<CoalitionDbContext>
    {
        public CoalitionDbContext CreateDbContext() => throw new InvalidOperationException("The database is down (test).");
    }
}
