using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CoalitionBot.Conversation;
using CoalitionBot.Storage;
using CoalitionBot.Teams.AdaptiveCards;
using CoalitionBot.Teams.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Teams.Tests.EndToEnd;

/// <summary>The whole host: activities POSTed to /api/messages as Teams does, replies recorded by a fake Bot Connector on loopback.</summary>
public sealed class TeamsEndToEndTests : IAsyncLifetime
{
    private const string Question = "What can diaspora groups do in a crisis?";
    private FakeBotConnector _connector = null!;
    private TeamsHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _host = new TeamsHost();
        _client = await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task QuestionInAPersonalChatIsAnsweredWithACardCitingItsSource()
    {
        var response = await PostAsync(TeamsActivities.PersonalMessage(_connector.ServiceUrl, Question, id: "1764000000001"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await _connector.WaitForCallsAsync(1));
        Assert.Equal("POST", reply.Method);
        Assert.Equal(TeamsActivities.PersonalConversation, reply.ConversationId);
        Assert.Equal("1764000000001", reply.ActivityId);
        Assert.Equal(ReplyCard.ContentType, reply.ContentType);
        var card = reply.Card!;
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Contains("004_949f98561308b498.txt", card.ToJsonString());
        Assert.True(card.ToJsonString().Length * 2 <= ReplyCard.MaxUtf16Bytes);
        var actions = FeedbackActions(card);
        // The feedback buttons, then the next questions the library answers (two or three) as suggestions.
        Assert.Equal([ReplyActions.Helpful, ReplyActions.NotHelpful], actions.Take(2).Select(a => a["data"]!["action"]!.GetValue<string>()));
        Assert.All(actions.Skip(2), a => Assert.Equal(ReplyActions.Ask, a["data"]!["action"]!.GetValue<string>()));
        Assert.All(actions, a => Assert.Equal("Action.Submit", a["type"]!.GetValue<string>()));
        Assert.All(actions, a => Assert.True(Guid.TryParse(a["data"]!["answerId"]!.GetValue<string>(), out _)));
    }

    [Fact]
    public async Task ChannelMentionIsAnsweredInItsThreadWithTheMentionStripped()
    {
        var activity = TeamsActivities.ChannelMention(_connector.ServiceUrl, Question, threadRoot: "1764000000500", id: "1764000000501");

        var response = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await _connector.WaitForCallsAsync(1));
        Assert.Equal($"{TeamsActivities.Channel};messageid=1764000000500", reply.ConversationId);
        Assert.Equal("1764000000501", reply.ActivityId);
        Assert.Equal("1764000000501", reply.Activity["replyToId"]!.GetValue<string>());
        Assert.Contains("004_949f98561308b498.txt", reply.Card!.ToJsonString());
        await using var db = await Db();
        var asked = await db.AnsweredQuestions.SingleAsync();
        Assert.Equal(Question, asked.Question);
        Assert.Equal("teams", asked.Platform);
        Assert.Equal(TeamsActivities.Channel, asked.ConversationId);
        // Proactive messages to the channel start a new post: the stored reference names the channel, not the thread.
        var record = await db.Set<ConversationReferenceRecord>().SingleAsync();
        Assert.Equal(TeamsActivities.Channel, record.ConversationId);
        Assert.Equal("channel", record.ConversationType);
        Assert.Equal(TeamsActivities.Channel, JsonNode.Parse(record.ReferenceJson)!["conversation"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task FeedbackSubmitUpdatesTheCardInPlaceAndIsStored()
    {
        await PostAsync(TeamsActivities.PersonalMessage(_connector.ServiceUrl, Question));
        var answer = (await _connector.WaitForCallsAsync(1))[0];
        var helpful = FeedbackActions(answer.Card!).Single(a => a["data"]!["action"]!.GetValue<string>() == ReplyActions.Helpful);
        var cardId = "reply-1";   // the id the fake connector gave the answer

        var response = await PostAsync(TeamsActivities.Submit(_connector.ServiceUrl, (JsonObject)helpful["data"]!.DeepClone(), replyToId: cardId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var update = (await _connector.WaitForCallsAsync(2))[1];
        Assert.Equal("PUT", update.Method);
        Assert.Equal(TeamsActivities.PersonalConversation, update.ConversationId);
        Assert.Equal(cardId, update.ActivityId);
        var card = update.Card!.ToJsonString();
        Assert.Contains("marked as helpful", card);
        Assert.Contains("004_949f98561308b498.txt", card);
        Assert.DoesNotContain("Action.Submit", card);
        await using var db = await Db();
        var feedback = await db.AnswerFeedback.SingleAsync();
        Assert.True(feedback.Helpful);
        Assert.Equal("teams", feedback.Platform);
        Assert.Equal(TeamsActivities.UserAadId, feedback.UserId);
        Assert.Equal(helpful["data"]!["answerId"]!.GetValue<string>(), feedback.AnsweredQuestionId.ToString());
    }

    [Fact]
    public async Task SuggestionSubmitAsksItsQuestion()
    {
        var data = new JsonObject { ["action"] = ReplyActions.Ask, ["value"] = Question };

        await PostAsync(TeamsActivities.Submit(_connector.ServiceUrl, data, replyToId: "reply-earlier"));

        var reply = Assert.Single(await _connector.WaitForCallsAsync(1));
        Assert.Equal("POST", reply.Method);
        Assert.Contains("004_949f98561308b498.txt", reply.Card!.ToJsonString());
    }

    [Fact]
    public async Task SubmitThatNamesNothingGetsAFriendlyMessage()
    {
        var response = await PostAsync(TeamsActivities.Submit(_connector.ServiceUrl, new JsonObject { ["something"] = "else" }, replyToId: "reply-earlier"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await _connector.WaitForCallsAsync(1));
        Assert.Equal("POST", reply.Method);
        Assert.Equal(CoalitionActivityHandler.UnknownButton, reply.Activity["text"]!.GetValue<string>());
        await using var db = await Db();
        Assert.Empty(await db.AnswerFeedback.ToListAsync());
    }

    [Theory]
    [InlineData("{\"type\": \"message\", \"text\": ")]
    [InlineData("not json at all")]
    [InlineData("[1, 2]")]
    [InlineData("42")]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("{\"type\": \"message\", \"text\": \"hello\"}")]
    public async Task MalformedActivityJsonIs400AndNothingIsSent(string body)
    {
        var response = await _client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // Nothing arrives at the connector, not even late: a later well-formed message gets the first reply.
        await PostAsync(TeamsActivities.PersonalMessage(_connector.ServiceUrl, "help", id: "after"));
        var calls = await _connector.WaitForCallsAsync(1);
        Assert.Equal("after", Assert.Single(calls).ActivityId);
    }

    [Fact]
    public async Task MessageStoresTheConversationReferenceWithTheMembersTimeZone()
    {
        await PostAsync(TeamsActivities.PersonalMessage(_connector.ServiceUrl, "help", timeZone: "Europe/Brussels"));
        await PostAsync(TeamsActivities.PersonalMessage(_connector.ServiceUrl, "help", id: "second", timeZone: null));

        await using var db = await Db();
        var record = await db.Set<ConversationReferenceRecord>().SingleAsync();
        Assert.Equal("teams", record.Platform);
        Assert.Equal(TeamsActivities.PersonalConversation, record.ConversationId);
        Assert.Equal("personal", record.ConversationType);
        Assert.Equal(TeamsActivities.UserAadId, record.UserId);
        Assert.Equal(TeamsActivities.UserId, record.ChannelUserId);
        Assert.Equal(TeamsActivities.TenantId, record.TenantId);
        Assert.Equal(_connector.ServiceUrl, record.ServiceUrl);
        Assert.Equal("Europe/Brussels", record.TimeZone);   // kept when a later activity carries no zone
        var reference = JsonNode.Parse(record.ReferenceJson)!;
        Assert.Equal(TeamsActivities.PersonalConversation, reference["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsActivities.BotId, reference["bot"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task InstallStoresTheReferenceAndIntroducesTheBot()
    {
        var response = await PostAsync(TeamsActivities.BotInstalled(_connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = Assert.Single(await _connector.WaitForCallsAsync(1));
        Assert.Contains(ConversationEngine.ExampleQuestions[0], welcome.Card!.ToJsonString());
        await using var db = await Db();
        var record = await db.Set<ConversationReferenceRecord>().SingleAsync();
        Assert.Equal(TeamsActivities.PersonalConversation, record.ConversationId);
        Assert.Equal(TeamsActivities.UserAadId, record.UserId);
    }

    [Fact]
    public async Task InstallationUpdateStoresTheReference()
    {
        var activity = TeamsActivities.BotInstalled(_connector.ServiceUrl);
        activity.Remove("membersAdded");
        activity["type"] = "installationUpdate";
        activity["action"] = "add";

        var response = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = await Db();
        var record = await db.Set<ConversationReferenceRecord>().SingleAsync();
        Assert.Equal(TeamsActivities.PersonalConversation, record.ConversationId);
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task UnknownActivityTypeIsAcceptedAndIgnored()
    {
        var activity = TeamsActivities.PersonalMessage(_connector.ServiceUrl, "ignored");
        activity["type"] = "messageReaction";

        var response = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await PostAsync(TeamsActivities.PersonalMessage(_connector.ServiceUrl, "help", id: "after"));
        Assert.Equal("after", Assert.Single(await _connector.WaitForCallsAsync(1)).ActivityId);
    }

    [Fact]
    public async Task UnknownInvokeIsAnsweredNotImplemented()
    {
        var activity = TeamsActivities.PersonalMessage(_connector.ServiceUrl, "ignored");
        activity["type"] = "invoke";
        activity["name"] = "composeExtension/unknownThing";

        var response = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task MentionEntityWithoutMentionedStillGetsAnAnswer()
    {
        var activity = TeamsActivities.ChannelMention(_connector.ServiceUrl, Question, threadRoot: "1764000000600", id: "1764000000601");
        ((JsonArray)activity["entities"]!).Add(new JsonObject { ["type"] = "mention", ["text"] = "<at>Someone</at>" });

        await PostAsync(activity);

        Assert.Contains("004_949f98561308b498.txt", Assert.Single(await _connector.WaitForCallsAsync(1)).Card!.ToJsonString());
    }

    private static List<JsonObject> FeedbackActions(JsonObject card) =>
        card["body"]!.AsArray().OfType<JsonObject>()
            .Where(e => e["type"]!.GetValue<string>() == "ActionSet")
            .SelectMany(e => e["actions"]!.AsArray().OfType<JsonObject>())
            .ToList();

    private Task<HttpResponseMessage> PostAsync(JsonObject activity) =>
        _client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

    private Task<CoalitionDbContext> Db() =>
        _host.Services.GetRequiredService<IDbContextFactory<CoalitionDbContext>>().CreateDbContextAsync();
}
