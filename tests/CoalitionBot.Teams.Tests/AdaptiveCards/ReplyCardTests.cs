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
    public void CitationOfAPdfPageShowsThePageAndOpensTheDocument()
    {
        var citation = Citation(1, "Passage.") with { Page = 4, Url = "https://coalition.example.org/toolkit.pdf#page=4" };

        var card = ReplyCard.Render(AnswerReply(citation));

        var container = Body(card).Single(e => e["type"]!.GetValue<string>() == "Container");
        var texts = container["items"]!.AsArray().OfType<JsonObject>().Where(i => i["text"] is not null).Select(i => i["text"]!.GetValue<string>());
        Assert.Contains("004_949f98561308b498.txt · p. 4 · updated 2026-11-01", texts);
        var open = container["items"]!.AsArray().OfType<JsonObject>().Single(i => i["type"]!.GetValue<string>() == "ActionSet")["actions"]![0]!;
        Assert.Equal("Action.OpenUrl", open["type"]!.GetValue<string>());
        Assert.Equal("Open document", open["title"]!.GetValue<string>());
        Assert.Equal("https://coalition.example.org/toolkit.pdf#page=4", open["url"]!.GetValue<string>());
    }

    [Fact]
    public void AMarkdownLinkInAMembersTextOrAPassageIsShownNotLinked()
    {
        var reply = new Reply(ReplyKind.Answer, "A member asked: sign [the coalition's form](https://attacker.example/login)", null, []);
        var answer = AnswerReply(Citation(1, "See [our toolkit](javascript:alert(1)) for more."));

        var texts = new[] { ReplyCard.Render(reply), ReplyCard.Render(answer) }.SelectMany(Texts).ToList();

        Assert.DoesNotContain(texts, t => t.Contains("](", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("the coalition's form", StringComparison.Ordinal) && t.Contains("https://attacker.example/login", StringComparison.Ordinal));
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

    [Fact]
    public void OnboardingStepShowsItsNoteTitleIntroAnswerAndCitations()
    {
        var card = ReplyCard.Render(StepReply(Citation(1, "Coalitions speak with one voice."), Citation(2, "The working group shares recommendations.")));

        var body = Body(card).ToList();
        Assert.Equal(("TextBlock", "Six short steps.", true), (body[0]["type"]!.GetValue<string>(), body[0]["text"]!.GetValue<string>(), body[0]["isSubtle"]!.GetValue<bool>()));
        Assert.Equal("Welcome to the coalition — step 1 of 6: How coalitions advocate together", body[1]["text"]!.GetValue<string>());
        Assert.Equal("Bolder", body[1]["weight"]!.GetValue<string>());
        var text = body[2]["text"]!.GetValue<string>();
        Assert.StartsWith("We are many organisations speaking with one voice.", text);
        Assert.Contains("Coalitions advocate together [1] [2].", text);
        Assert.Equal(2, body.Count(e => e["type"]!.GetValue<string>() == "Container"));
        Assert.Contains("The working group shares recommendations.", card.ToJsonString());
        Assert.Single(body, e => e["text"]?.GetValue<string>() == "Six short steps.");   // the note once, on top
    }

    [Fact]
    public void EveryOnboardingButtonIsASubmitWithItsActionAndValue()
    {
        var actions = Actions(ReplyCard.Render(StepReply()));

        Assert.Equal([ReplyActions.OnboardBack, ReplyActions.OnboardNext, ReplyActions.OnboardAbout, ReplyActions.OnboardCheck, ReplyActions.OnboardStop],
            actions.Select(a => a["data"]!["action"]!.GetValue<string>()));
        Assert.All(actions, a => Assert.Equal("Action.Submit", a["type"]!.GetValue<string>()));
        Assert.All(actions, a => Assert.Equal(StepValue, a["data"]!["value"]!.GetValue<string>()));
    }

    [Fact]
    public void AskACoordinatorAndSaveAsAnswerAreSubmits()
    {
        var answer = new Answer("What is the office parking policy?", false, "I could not find that in the library.", [], []);
        var notFound = new Reply(ReplyKind.NotFound, answer.Text, answer, [new ReplyButton("Ask a coordinator", ReplyActions.AskCoordinator, AnswerId.ToString())], AnswerId);
        var offer = new Reply(ReplyKind.Announcement, "Sent to the member. Save it in the library?", null, [new ReplyButton("Save as answer", ReplyActions.SaveAnswer, "q-1")]);

        var ask = Assert.Single(Actions(ReplyCard.Render(notFound)));
        var save = Assert.Single(Actions(ReplyCard.Render(offer)));

        Assert.Equal(("Action.Submit", ReplyActions.AskCoordinator, AnswerId.ToString()), (ask["type"]!.GetValue<string>(), ask["data"]!["action"]!.GetValue<string>(), ask["data"]!["value"]!.GetValue<string>()));
        Assert.Equal(("Action.Submit", ReplyActions.SaveAnswer, "q-1"), (save["type"]!.GetValue<string>(), save["data"]!["action"]!.GetValue<string>(), save["data"]!["value"]!.GetValue<string>()));
    }

    [Fact]
    public void LongOnboardingStepStaysWithinTheSizeBudgetWithItsTitleAndButtons()
    {
        var longText = string.Join(' ', Enumerable.Repeat("Members of the coalition agree joint positions before they speak to ministries.", 200));
        var citations = Enumerable.Range(1, 30).Select(n => Citation(n, longText)).ToArray();
        var step = StepReply(citations);
        step = step with { Text = step.Text + "\n\n" + longText };

        var card = ReplyCard.Render(step);

        Assert.True(ReplyCard.Utf16Bytes(card) <= ReplyCard.MaxUtf16Bytes, $"{ReplyCard.Utf16Bytes(card)} bytes");
        Assert.Contains("step 1 of 6", Body(card).ElementAt(1)["text"]!.GetValue<string>());
        Assert.Contains("more sources not shown", card.ToJsonString());
        Assert.Equal(5, Actions(card).Count);
    }

    [Fact]
    public void OnboardingWordWithoutAStepIsPlainText()
    {
        var welcome = new Reply(ReplyKind.Onboarding, "Welcome to the coalition! I'm CoalitionBot.\nNew here?", null, [new ReplyButton("Start the tour", ReplyActions.OnboardStart, "welcome")]);

        var card = ReplyCard.Render(welcome);

        Assert.DoesNotContain(Body(card), e => e["weight"] is not null);
        Assert.Equal(ReplyActions.OnboardStart, Assert.Single(Actions(card))["data"]!["action"]!.GetValue<string>());
    }

    private const string StepValue = "welcome|advocating-together|3f2a";

    private static Reply StepReply(params Citation[] citations)
    {
        var text = "Welcome to the coalition — step 1 of 6: How coalitions advocate together\n"
            + "We are many organisations speaking with one voice.\n\nHow do coalitions of NGOs advocate together?\nCoalitions advocate together [1] [2].\n\nTo do: Read the case study";
        return new Reply(ReplyKind.Onboarding, text, new Answer("How coalitions advocate together", true, text, citations, []),
            [
                new ReplyButton("Back", ReplyActions.OnboardBack, StepValue),
                new ReplyButton("Next", ReplyActions.OnboardNext, StepValue),
                new ReplyButton("Ask about this", ReplyActions.OnboardAbout, StepValue),
                new ReplyButton("Mark as done", ReplyActions.OnboardCheck, StepValue),
                new ReplyButton("Stop", ReplyActions.OnboardStop, StepValue),
            ],
            Note: "Six short steps.");
    }

    private static Reply AnswerReply(params Citation[] citations) => new(
        ReplyKind.Answer,
        "Diaspora groups can raise funds for humanitarian assistance [1].",
        new Answer("What can diaspora groups do in a crisis?", true, "Diaspora groups can raise funds for humanitarian assistance [1].", citations, []),
        [new ReplyButton("Helpful", ReplyActions.Helpful, AnswerId.ToString()), new ReplyButton("Not helpful", ReplyActions.NotHelpful, AnswerId.ToString())],
        AnswerId);

    private static Citation Citation(int n, string passage) => new(
        n, "004_949f98561308b498.txt", "Practices by Stakeholder 8", "Diaspora engagement in humanitarian response", passage, [], 0.9, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>Every TextBlock's text, however deep in containers.</summary>
    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => (o["type"]?.GetValue<string>() == "TextBlock" ? [o["text"]!.GetValue<string>()] : Enumerable.Empty<string>())
            .Concat(o.Select(p => p.Value).SelectMany(Texts)),
        JsonArray a => a.SelectMany(Texts),
        _ => [],
    };

    private static IEnumerable<JsonObject> Body(JsonObject card) => card["body"]!.AsArray().OfType<JsonObject>();

    private static List<JsonObject> Actions(JsonObject card) =>
        Body(card).Where(e => e["type"]!.GetValue<string>() == "ActionSet").SelectMany(e => e["actions"]!.AsArray().OfType<JsonObject>()).ToList();
}
