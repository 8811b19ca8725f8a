using System.Text.Json.Nodes;
using CoalitionBot.Conversation;
using CoalitionBot.Knowledge;
using CoalitionBot.Teams.AdaptiveCards;

namespace CoalitionBot.Teams.Tests.AdaptiveCards;

public sealed class ReplyCardTests
{
    private static readonly Guid AnswerId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    [Fact]
    public void AnswerCardShowsEachCitationWithDocumentSectionAndPassage()
    {
        var card = ReplyCard.Render(AnswerReply(Citation(1, "Diaspora groups raise funds."), Citation(2, "They also reach migrants.")));

        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        var json = card.ToJsonString();
        Assert.Contains("004_949f98561308b498.txt", json);
        Assert.Contains("Diaspora engagement in humanitarian response", json);
        Assert.Contains("Diaspora groups raise funds.", json);
        Assert.Contains("They also reach migrants.", json);
        Assert.Equal(2, Body(card).Count(e => e["type"]!.GetValue<string>() == "Container"));
    }

    [Fact]
    public void FeedbackButtonsAreSubmitsCarryingTheActionAndTheAnswerId()
    {
        var actions = Actions(ReplyCard.Render(AnswerReply(Citation(1, "Passage."))));

        Assert.Equal(2, actions.Count);
        Assert.All(actions, a => Assert.Equal("Action.Submit", a["type"]!.GetValue<string>()));
        Assert.Equal([ReplyActions.Helpful, ReplyActions.NotHelpful], actions.Select(a => a["data"]!["action"]!.GetValue<string>()));
        Assert.All(actions, a => Assert.Equal(AnswerId.ToString(), a["data"]!["answerId"]!.GetValue<string>()));
    }

    [Fact]
    public void NotFoundSuggestionsAreButtonsThatAskTheQuestion()
    {
        var answer = new Answer("Who won the 1998 World Cup?", false, "I could not find that in the library.", [], ["What is the common goal of the alliance?"]);
        var reply = new Reply(ReplyKind.NotFound, answer.Text, answer, [new ReplyButton("What is the common goal of the alliance?", ReplyActions.Ask, "What is the common goal of the alliance?")], AnswerId);

        var action = Assert.Single(Actions(ReplyCard.Render(reply)));

        Assert.Equal("Action.Submit", action["type"]!.GetValue<string>());
        Assert.Equal(ReplyActions.Ask, action["data"]!["action"]!.GetValue<string>());
        Assert.Equal("What is the common goal of the alliance?", action["data"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void CardStaysWithinTheSizeBudgetWhenPassagesAndAnswerAreLong()
    {
        var longText = string.Join(' ', Enumerable.Repeat("Diaspora organisations mobilise remittances and volunteers quickly.", 300));
        var citations = Enumerable.Range(1, 40).Select(n => Citation(n, longText)).ToArray();
        var reply = AnswerReply(citations) with { Text = longText };

        var card = ReplyCard.Render(reply);

        Assert.True(ReplyCard.Utf16Bytes(card) <= ReplyCard.MaxUtf16Bytes, $"{ReplyCard.Utf16Bytes(card)} bytes");
        Assert.Contains("more sources not shown", card.ToJsonString());
        Assert.Equal(2, Actions(card).Count);   // the buttons survive the cut
    }

    [Fact]
    public void FeedbackThanksReplacesTheButtons()
    {
        var reply = AnswerReply(Citation(1, "Passage.")) with { Buttons = [], Note = "Thanks — marked as helpful." };

        var card = ReplyCard.Render(reply);

        Assert.Empty(Actions(card));
        Assert.Contains("Thanks — marked as helpful.", ReplyCard.ToJson(card));
    }

    private static Reply AnswerReply(params Citation[] citations) => new(
        ReplyKind.Answer,
        "Diaspora groups can raise funds for humanitarian assistance [1].",
        new Answer("What can diaspora groups do in a crisis?", true, "Diaspora groups can raise funds for humanitarian assistance [1].", citations, []),
        [new ReplyButton("Helpful", ReplyActions.Helpful, AnswerId.ToString()), new ReplyButton("Not helpful", ReplyActions.NotHelpful, AnswerId.ToString())],
        AnswerId);

    private static Citation Citation(int n, string passage) => new(
        n, "004_949f98561308b498.txt", "Practices by Stakeholder 8", "Diaspora engagement in humanitarian response", passage, [], 0.9, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

    private static IEnumerable<JsonObject> Body(JsonObject card) => card["body"]!.AsArray().OfType<JsonObject>();

    private static List<JsonObject> Actions(JsonObject card) =>
        Body(card).Where(e => e["type"]!.GetValue<string>() == "ActionSet").SelectMany(e => e["actions"]!.AsArray().OfType<JsonObject>()).ToList();
}
