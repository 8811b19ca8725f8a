using CoalitionBot.Knowledge;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Tests.Knowledge;

public sealed class PassageSplitterTests
{
    private static readonly PassageSplitter Splitter = new(Options.Create(new KnowledgeOptions()));

    private static IReadOnlyList<Passage> Split(string text, string id = "doc.txt") =>
        Splitter.Split(new SourceDocument(id, id, text, "hash", DateTimeOffset.UnixEpoch));

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static IReadOnlyList<Passage> SplitSeed(string name) => Split(File.ReadAllText(RepoPaths.Seed(name)), name);

    [Fact]
    public void LeadInSentenceTravelsWithItsBulletList()
    {
        var passages = SplitSeed("004_949f98561308b498.txt");

        var diaspora = Assert.Single(passages, p => p.Text.StartsWith("Diaspora groups have access", StringComparison.Ordinal));
        Assert.Equal("Diaspora engagement in humanitarian response", diaspora.Section);
        Assert.Contains("• Generating funds for humanitarian assistance", diaspora.Text);
        Assert.Contains("• Volunteering with other stakeholders", diaspora.Text);
        Assert.Equal("Practices by Stakeholder 8", diaspora.Title);
    }

    [Fact]
    public void HeadingDirectlyAboveAListIntroducesIt()
    {
        var passages = SplitSeed("001_7d3c74ba043f25da.txt");

        var strategy = Assert.Single(passages, p => p.Section == "Change Strategy");
        Assert.StartsWith("Change Strategy\n• Promote sustainable regional migration", strategy.Text);
        Assert.Contains("• Support sustainable livelihood development", strategy.Text);
    }

    [Fact]
    public void NumberedHeadingsNameTheirSections()
    {
        var passages = SplitSeed("003_d7f48822047bd3f1.txt");

        Assert.Contains(passages, p => p.Section == "1. Vision" && p.Text.Contains("Make our collective advocacy more effective"));
        Assert.Contains(passages, p => p.Section == "2. Spotlight on the EU");
        Assert.Contains(passages, p => p.Section == "3. EU advocacy resources on priority issues" && p.Text.StartsWith("An advocacy module contains:", StringComparison.Ordinal));
    }

    [Fact]
    public void EverySeedPassageIsShortAndPointsBackIntoItsDocument()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Seeds, "*.txt"))
        {
            var text = File.ReadAllText(file);
            foreach (var passage in Split(text, Path.GetFileName(file)))
            {
                Assert.InRange(passage.Text.Length, 1, 1_000);
                var opening = Words(passage.Text.Split('\n')[0].TrimStart('•', ' '));
                Assert.StartsWith(opening[..Math.Min(20, opening.Length)], Words(text[passage.Start..passage.End]).TrimStart('•', ' '));
            }
        }
    }

    [Fact]
    public void LongListBecomesSeveralPassagesThatKeepTheirSection()
    {
        var items = Enumerable.Range(1, 40).Select(i => $"  • Item number {i} explains one practical way migrants' organisations can act together on advocacy;");
        var text = "Guide\n\nWays to act\n\nMembers can:\n" + string.Join("\n", items) + "\n";

        var passages = Split(text);

        Assert.True(passages.Count >= 3, $"expected several passages, got {passages.Count}");
        Assert.All(passages, p => Assert.Equal("Ways to act", p.Section));
        Assert.All(passages, p => Assert.True(p.Text.Length <= 1_000, $"{p.Text.Length} characters"));
        Assert.StartsWith("Members can:", passages[0].Text);
        Assert.Contains("Item number 40", passages[^1].Text);
    }

    [Fact]
    public void LongParagraphIsCutBetweenSentences()
    {
        var sentence = "Coalitions that speak with one voice are more likely to change policy. ";
        var text = "Title\n\n" + string.Concat(Enumerable.Repeat(sentence, 40));

        var passages = Split(text);

        Assert.True(passages.Count >= 3);
        Assert.All(passages, p =>
        {
            Assert.True(p.Text.Length <= 1_000);
            Assert.EndsWith("policy.", p.Text);
        });
    }

    [Fact]
    public void CrlfCurlyQuotesAndBulletsAreRead()
    {
        var text = "Women’s rights\r\n\r\nWhat we do\r\n\r\nOur partners’ work includes:\r\n  • “Safe spaces” for women;\r\n  • Legal aid\r\n";

        var passages = Split(text);

        var passage = Assert.Single(passages);
        Assert.Equal("Women’s rights", passage.Title);
        Assert.Equal("What we do", passage.Section);
        Assert.Equal("Our partners’ work includes:\n• “Safe spaces” for women;\n• Legal aid", passage.Text);
        Assert.DoesNotContain('\r', passage.Text);
    }

    [Fact]
    public void MarkdownHeadingsAndListsAreRead()
    {
        var text = "# Handbook\n\n## Joining a sign-on letter\n\nTo sign on:\n\n- read the letter\n- ask your director\n- reply before the deadline\n";

        var passage = Assert.Single(Split(text, "handbook.md"));

        Assert.Equal("Handbook", passage.Title);
        Assert.Equal("Joining a sign-on letter", passage.Section);
        Assert.Equal("To sign on:\n• read the letter\n• ask your director\n• reply before the deadline", passage.Text);
    }

    [Fact]
    public void ShortLinesWithoutASentenceAreHeadingsNotAPassage()
    {
        var passages = SplitSeed("000_3235851a96364efd.txt");

        Assert.DoesNotContain(passages, p => p.Text.Contains("Cost per beneficiary"));
        Assert.Contains(passages, p => p.Section == "Alignment with policy" && p.Text.StartsWith("Design.", StringComparison.Ordinal) && p.Text.Contains("[P1] Focus on the needs"));
    }

    [Fact]
    public void EmptyDocumentHasNoPassages()
    {
        Assert.Empty(Split(""));
        Assert.Empty(Split("\r\n\r\n   \n"));
    }

    [Fact]
    public void TitleIsTheFirstNonEmptyLineOrTheFileName()
    {
        Assert.Equal("How we achieve our goal?", PassageSplitter.TitleOf("\n\nHow we achieve our goal?\n\nText.", "x.txt"));
        Assert.Equal("notes", PassageSplitter.TitleOf("", "folder/notes.txt"));
    }
}
