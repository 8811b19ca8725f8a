using CoalitionBot.Conversation;
using CoalitionBot.Knowledge;
using CoalitionBot.Slack.BlockKit;

namespace CoalitionBot.Slack.Tests.BlockKit;

public sealed class ReplyBlocksTests
{
    private static Citation Cite(int n, string passage) =>
        new(n, "doc <1>.txt", "Title", "Rights & duties", passage, [], 0.9, DateTimeOffset.UnixEpoch);

    private static Reply Answer(string text, params Citation[] citations) =>
        new(ReplyKind.Answer, text, new Answer("q", true, text, citations, []), [new ReplyButton("Helpful", ReplyActions.Helpful, "id")], Guid.NewGuid());

    [Fact]
    public void CitationOfAPdfPageShowsThePageDateAndAnOpenDocumentLink()
    {
        var citation = Cite(1, "Passage.") with
        {
            Page = 4,
            Url = "https://coalition.example.org/toolkit.pdf#page=4",
            Updated = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero),
        };

        var blocks = ReplyBlocks.Render(Answer("answer [1]", citation));

        var context = blocks.Where(b => b!["type"]!.GetValue<string>() == "context")
            .Select(b => b!["elements"]![0]!["text"]!.GetValue<string>())
            .Single(t => t.StartsWith("[1]", StringComparison.Ordinal));
        Assert.Contains(" · p. 4 · updated 2025-03-01 · <https://coalition.example.org/toolkit.pdf#page=4|Open document>", context);
    }

    [Fact]
    public void AmpersandAndAngleBracketsInPassagesAreEscaped()
    {
        var blocks = ReplyBlocks.Render(Answer("Use <b> & <script> [1]", Cite(1, "A <tag> & more")));

        var texts = blocks.SelectMany(b => b!["type"]!.GetValue<string>() == "context"
                ? b["elements"]!.AsArray().Select(e => e!["text"]!.GetValue<string>())
                : b["text"] is { } t ? [t["text"]!.GetValue<string>()] : [])
            .ToList();
        Assert.Contains("Use &lt;b&gt; &amp; &lt;script&gt; [1]", texts);
        Assert.Contains("> A &lt;tag&gt; &amp; more", texts);
        Assert.Contains(texts, t => t.Contains("Rights &amp; duties", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("<script>", StringComparison.Ordinal));
    }

    [Fact]
    public void LongAnswerIsSplitIntoSectionsWithinTheLimit()
    {
        var text = string.Join(' ', Enumerable.Repeat("Diaspora groups raise funds for humanitarian assistance.", 200));

        var blocks = ReplyBlocks.Render(Answer(text));

        var sections = blocks.Where(b => b!["type"]!.GetValue<string>() == "section").Select(b => b!["text"]!["text"]!.GetValue<string>()).ToList();
        Assert.True(sections.Count >= 4);
        Assert.All(sections, s => Assert.InRange(s.Length, 1, 3_000));
    }

    [Fact]
    public void NeverMoreThanFiftyBlocksAndTheButtonsStay()
    {
        var citations = Enumerable.Range(1, 40).Select(i => Cite(i, "passage " + i)).ToArray();

        var blocks = ReplyBlocks.Render(Answer("answer", citations));

        Assert.Equal(50, blocks.Count);
        Assert.Equal("actions", blocks[^1]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void ButtonsKeepWithinSlacksLimitsAndHaveUniqueActionIds()
    {
        var suggestions = Enumerable.Range(0, 3).Select(i => new ReplyButton(new string('s', 100) + i, ReplyActions.Ask, new string('v', 3_000))).ToList();
        var reply = new Reply(ReplyKind.NotFound, "not found", null, suggestions);

        var elements = ReplyBlocks.Render(reply)[^1]!["elements"]!.AsArray();

        Assert.Equal(3, elements.Select(e => e!["action_id"]!.GetValue<string>()).Distinct().Count());
        Assert.All(elements, e =>
        {
            Assert.True(e!["text"]!["text"]!.GetValue<string>().Length <= 75);
            Assert.True(e["value"]!.GetValue<string>().Length <= 2_000);
        });
    }

    [Fact]
    public void FallbackTextSaysHowManySources() =>
        Assert.EndsWith("(2 sources)", ReplyBlocks.Fallback(Answer("answer", Cite(1, "a"), Cite(2, "b"))));
}
