using CoalitionBot.Knowledge;

namespace CoalitionBot.Tests.Knowledge;

public sealed class CoalitionAnalyzerTests
{
    private static readonly CoalitionAnalyzer Analyzer = new();

    private static string[] Terms(string text) => Analyzer.Terms(text).Select(t => t.Term).ToArray();

    [Fact]
    public void QuestionWordsAndStopWordsAreDropped() =>
        Assert.Equal(["diaspora", "group", "crisi"], Terms("What can diaspora groups do in a crisis?"));

    [Fact]
    public void PossessivesWithCurlyApostrophesAreRemoved() =>
        Assert.Equal(["migrant", "right"], Terms("migrants’ rights"));

    [Fact]
    public void BritishAndAmericanSpellingsMeet()
    {
        Assert.Equal(Terms("organizations"), Terms("organisations"));
        Assert.Equal(Terms("mobilize"), Terms("mobilise"));
        Assert.Equal(Terms("prioritized"), Terms("prioritised"));
    }

    [Fact]
    public void WordsSpelledIseEverywhereAreLeftAlone()
    {
        Assert.NotEqual(Terms("expertize"), Terms("expertise"));
        Assert.Equal(["promis"], Terms("promise"));
    }

    [Fact]
    public void AccentsAreFolded() => Assert.Equal(Terms("cafe"), Terms("café"));

    [Fact]
    public void PositionsKeepTheGapsOfRemovedWords()
    {
        var terms = Analyzer.Terms("children in migration");
        Assert.Equal(2, terms[1].Position - terms[0].Position);
    }
}
