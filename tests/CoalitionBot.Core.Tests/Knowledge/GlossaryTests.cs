using CoalitionBot.Knowledge;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Knowledge;

public sealed class GlossaryTests
{
    [Fact]
    public void SeedGlossaryLoads()
    {
        var glossary = Glossary.Load(RepoPaths.Seed("glossary.yaml"));

        var diaspora = Assert.Single(glossary.Entries, e => e.Term == "diaspora");
        Assert.Contains("people living abroad", diaspora.Aka);
        Assert.False(string.IsNullOrWhiteSpace(diaspora.Definition));
    }

    [Fact]
    public void MalformedGlossaryNamesFileAndLine()
    {
        using var folder = new TempFolder();
        var path = folder.File("glossary.yaml", "terms:\n  - term: crisis\n    aka: [emergency\n  - term: x\n");

        var error = Assert.Throws<InvalidDataException>(() => Glossary.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Matches(@"\(\d+,\d+\)", error.Message);
    }

    [Fact]
    public void EntryWithoutTermIsRefused()
    {
        using var folder = new TempFolder();
        var path = folder.File("glossary.yaml", "terms:\n  - definition: nothing to define\n");

        var error = Assert.Throws<InvalidDataException>(() => Glossary.Load(path));

        Assert.Contains("entry 1", error.Message);
    }

    [Fact]
    public void MatcherOffersTheOtherWordingsOfAPhraseInTheQuestion()
    {
        var analyzer = new CoalitionAnalyzer();
        using var folder = new TempFolder();
        var glossary = Glossary.Load(folder.File("glossary.yaml", "terms:\n  - term: diaspora\n    aka: [people living abroad]\n"));
        var matcher = new GlossaryMatcher(glossary, analyzer);
        var terms = analyzer.Terms("How can people living abroad help?").Select(t => t.Term).ToList();

        var alternatives = matcher.Alternatives(terms);

        Assert.Equal([0, 1, 2], alternatives.Keys.Order());
        Assert.Equal(["diaspora"], Assert.Single(alternatives[0]));
    }
}
