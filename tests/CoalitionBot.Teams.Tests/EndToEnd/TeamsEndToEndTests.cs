using System.Net;
using System.Text.Json.Nodes;
using CoalitionBot.Conversation;
using CoalitionBot.Teams.AdaptiveCards;
using CoalitionBot.Teams.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoalitionBot.Teams.Tests.Support.Cards;

namespace CoalitionBot.Teams.Tests.EndToEnd;

/// <summary>The whole host: activities POSTed to /api/messages as Teams does, replies recorded by a fake Bot Connector on loopback.</summary>
public sealed class TeamsEndToEndTests : IAsyncLifetime
{
    private const string Question = "What can diaspora groups do in a crisis?";
    private TeamsConversation _teams = null!;

    public async Task InitializeAsync() => _teams = await TeamsConversation.StartAsync();

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task QuestionInAPersonalChatIsAnsweredWithACardCitingItsSource()
    {
        var response = await _teams.SendAsync(TeamsActivities.PersonalMessage(_teams.ServiceUrl, Question, id: "1764000000001"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await _teams.Connector.WaitForCallsAsync(1));
        Assert.Equal("POST", reply.Method);
        Assert.Equal(TeamsActivities.PersonalConversation, reply.ConversationId);
        Assert.Equal("1764000000001", reply.ActivityId);
        Assert.Equal(ReplyCard.ContentType, reply.ContentType);
        var card = reply.Card!;
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Contains("004_949f98561308b498.txt", card.ToJsonString());
        Assert.True(card.ToJsonString().Length * 2 <= ReplyCard.MaxUtf16Bytes);
        var actions = Buttons(card);
        // The feedback buttons, then the next questions the library answers (two or three) as suggestions.
        Assert.Equal([ReplyActions.Helpful, ReplyActions.NotHelpful], actions.Take(2).Select(a => a["data"]!["action"]!.GetValue<string>()));
        Assert.All(actions.Skip(2), a => Assert.Equal(ReplyActions.Ask, a["data"]!["action"]!.GetValue<string>()));
        Assert.All(actions, a => Assert.Equal("Action.Submit", a["type"]!.GetValue<string>()));
        Assert.All(actions, a => Assert.True(Guid.TryParse(a["data"]!["answerId"]!.GetValue<string>(), out _)));
    }

    [Fact]
    public async Task AnswerThrottledOnceWithRetryAfterStillArrivesAsItsCard()
    {
        // As a new user saw it: the connector answers the first reply 429 with Retry-After: 1.
        _teams.Connector.ReplyNext(429, retryAfter: "1");

        var response = await _teams.SendAsync(TeamsActivities.PersonalMessage(_teams.ServiceUrl, Question, id: "1764000000002"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = await _teams.Connector.WaitForCallsAsync(2);
        Assert.Equal([429, 200], calls.Select(c => c.Status));
        var answer = calls[1];
        Assert.Equal("1764000000002", answer.ActivityId);
        Assert.Contains("004_949f98561308b498.txt", answer.Card!.ToJsonString());
        Assert.DoesNotContain("something went wrong", answer.Card!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CardUpdateThrottledOnceIsRetried()
    {
        await _teams.SendAsync(TeamsActivities.PersonalMessage(_teams.ServiceUrl, Question));
        var answer = (await _teams.Connector.WaitForCallsAsync(1))[0];
        var helpful = Buttons(answer.Card!).Single(a => a["data"]!["action"]!.GetValue<string>() == ReplyActions.Helpful);
        _teams.Connector.ReplyNext(503);

        await _teams.SendAsync(TeamsActivities.Submit(_teams.ServiceUrl, (JsonObject)helpful["data"]!.DeepClone(), replyToId: "reply-1"));

        var calls = (await _teams.Connector.WaitForCallsAsync(3)).Skip(1).ToList();
        Assert.Equal([("PUT", 503), ("PUT", 200)], calls.Select(c => (c.Method, c.Status)));
    }

    [Fact]
    public async Task AnswerRefusedForGoodGetsTheApology()
    {
        _teams.Connector.ReplyNext(413);

        await _teams.SendAsync(TeamsActivities.PersonalMessage(_teams.ServiceUrl, Question));

        var calls = await _teams.Connector.WaitForCallsAsync(2);
        Assert.Equal([413, 200], calls.Select(c => c.Status));
        Assert.Contains("something went wrong", calls[1].Card!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelMentionIsAnsweredInItsThreadWithTheMentionStripped()
    {
        var activity = TeamsActivities.ChannelMention(_teams.ServiceUrl, Question, threadRoot: "1764000000500", id: "1764000000501");

        var response = await _teams.SendAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await _teams.Connector.WaitForCallsAsync(1));
        Assert.Equal($"{TeamsActivities.Channel};messageid=1764000000500", reply.ConversationId);
        Assert.Equal("1764000000501", reply.ActivityId);
        Assert.Equal("1764000000501", reply.Activity["replyToId"]!.GetValue<string>());
        Assert.Contains("004_949f98561308b498.txt", reply.Card!.ToJsonString());
        await using var db = await _teams.Db();
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
        await _teams.SendAsync(TeamsActivities.PersonalMessage(_teams.ServiceUrl, Question));
        var answer = (await _teams.Connector.WaitForCallsAsync(1))[0];
        var helpful = Buttons(answer.Card!).Single(a => a["data"]!["action"]!.GetValue<string>() == ReplyActions.Helpful);
        var cardId = "reply-1";   // the id the fake connector gave the answer

        var response = await _teams.SendAsync(TeamsActivities.Submit(_teams.ServiceUrl, (JsonObject)helpful["data"]!.DeepClone(), replyToId: cardId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var update = (await _teams.Connector.WaitForCallsAsync(2))[1];
        Assert.Equal("PUT", update.Method);
        Assert.Equal(TeamsActivities.PersonalConversation, update.ConversationId);
        Assert.Equal(cardId, update.ActivityId);
        var card = update.Card!.ToJsonString();
        Assert.Contains("marked as helpful", card);
        Assert.Contains("004_949f98561308b498.txt", card);
        Assert.DoesNotContain("Action.Submit", card);
        await using var db = await _teams.Db();
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

        await _teams.SendAsync(TeamsActivities.Submit(_teams.ServiceUrl, data, replyToId: "reply-earlier"));

        var reply = Assert.Single(await _teams.Connector.WaitForCallsAsync(1));
        Assert.Equal("POST", reply.Method);
        Assert.Contains("004_949f98561308b498.txt", reply.Card!.ToJsonString());
    }

    [Fact]
    public async Task SubmitThatNamesNothingGetsAFriendlyMessage()
    {
        var response = await _teams.SendAsync(TeamsActivities.Submit(_teams.ServiceUrl, new JsonObject { ["something"] = "else" }, replyToId: "reply-earlier"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await _teams.Connector.WaitForCallsAsync(1));
        Assert.Equal("POST", reply.Method);
        Assert.Equal(InteractionHandler.UnknownButton, reply.Activity["text"]!.GetValue<string>());
        await using var db = await _teams.Db();
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
        var response = await _teams.SendAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // Nothing arrives at the connector, not even late: a later well-formed message gets the first reply.
        await _teams.SendAsync(TeamsActivities.PersonalMessage(_teams.ServiceUrl, "help", id: "after"));
        var calls = await _teams.Connector.WaitForCallsAsync(1);
        Assert.Equal("after", Assert.Single(calls).ActivityId);
    }

    [Fact]
    public async Task MessageStoresTheConversationReferenceWithTheMembersTimeZone()
    {
        await _teams.SendAsync(TeamsActivities.PersonalMessage(_teams.ServiceUrl, "help", timeZone: "Europe/Brussels"));
        await _teams.SendAsync(TeamsActivities.PersonalMessage(_teams.ServiceUrl, "help", id: "second", timeZone: null));

        await using var db = await _teams.Db();
        var record = await db.Set<ConversationReferenceRecord>().SingleAsync();
        Assert.Equal("teams", record.Platform);
        Assert.Equal(TeamsActivities.PersonalConversation, record.ConversationId);
        Assert.Equal("personal", record.ConversationType);
        Assert.Equal(TeamsActivities.UserAadId, record.UserId);
        Assert.Equal(TeamsActivities.UserId, record.ChannelUserId);
        Assert.Equal(TeamsActivities.TenantId, record.TenantId);
        Assert.Equal(_teams.ServiceUrl, record.ServiceUrl);
        Assert.Equal("Europe/Brussels", record.TimeZone);   // kept when a later activity carries no zone
        var reference = JsonNode.Parse(record.ReferenceJson)!;
        Assert.Equal(TeamsActivities.PersonalConversation, reference["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsActivities.BotId, reference["bot"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task InstallStoresTheReferenceAndIntroducesTheBot()
    {
        var response = await _teams.SendAsync(TeamsActivities.BotInstalled(_teams.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = Assert.Single(await _teams.Connector.WaitForCallsAsync(1));
        Assert.Contains(ConversationEngine.ExampleQuestions[0], welcome.Card!.ToJsonString());
        await using var db = await _teams.Db();
        var record = await db.Set<ConversationReferenceRecord>().SingleAsync();
        Assert.Equal(TeamsActivities.PersonalConversation, record.ConversationId);
        Assert.Equal(TeamsActivities.UserAadId, record.UserId);
    }

    [Fact]
    public async Task InstallationUpdateStoresTheReference()
    {
        var activity = TeamsActivities.BotInstalled(_teams.ServiceUrl);
        activity.Remove("membersAdded");
        activity["type"] = "installationUpdate";
        activity["action"] = "add";

        var response = await _teams.SendAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = await _teams.Db();
        var record = await db.Set<ConversationReferenceRecord>().SingleAsync();
        Assert.Equal(TeamsActivities.PersonalConversation, record.ConversationId);
        Assert.Empty(_teams.Connector.Calls);
    }

    [Fact]
    public async Task UnknownActivityTypeIsAcceptedAndIgnored()
    {
        var activity = TeamsActivities.PersonalMessage(_teams.ServiceUrl, "ignored");
        activity["type"] = "messageReaction";

        var response = await _teams.SendAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _teams.SendAsync(TeamsActivities.PersonalMessage(_teams.ServiceUrl, "help", id: "after"));
        Assert.Equal("after", Assert.Single(await _teams.Connector.WaitForCallsAsync(1)).ActivityId);
    }

    [Fact]
    public async Task UnknownInvokeIsAnsweredNotImplemented()
    {
        var activity = TeamsActivities.PersonalMessage(_teams.ServiceUrl, "ignored");
        activity["type"] = "invoke";
        activity["name"] = "composeExtension/unknownThing";

        var response = await _teams.SendAsync(activity);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Empty(_teams.Connector.Calls);
    }

    [Fact]
    public async Task MentionEntityWithoutMentionedStillGetsAnAnswer()
    {
        var activity = TeamsActivities.ChannelMention(_teams.ServiceUrl, Question, threadRoot: "1764000000600", id: "1764000000601");
        ((JsonArray)activity["entities"]!).Add(new JsonObject { ["type"] = "mention", ["text"] = "<at>Someone</at>" });

        await _teams.SendAsync(activity);

        Assert.Contains("004_949f98561308b498.txt", Assert.Single(await _teams.Connector.WaitForCallsAsync(1)).Card!.ToJsonString());
    }
}
