using System.Text.RegularExpressions;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Knowledge;

public sealed partial class AnswerServiceTests : IDisposable
{
    private readonly TempFolder _seeds = TempFolder.WithSeeds();
    private readonly Library _library;

    public AnswerServiceTests() => _library = new Library(_seeds.Path).Indexed();

    public void Dispose()
    {
        _library.Dispose();
        _seeds.Dispose();
    }

    [Fact]
    public async Task DiasporaQuestionCitesTheDiasporaSectionFirst()
    {
        var answer = await _library.AskAsync("What can diaspora groups do in a crisis?");

        Assert.True(answer.Found);
        var first = answer.Citations[0];
        Assert.Equal("004_949f98561308b498.txt", first.Document);
        Assert.Equal("Diaspora engagement in humanitarian response", first.Section);
        Assert.Equal("Practices by Stakeholder 8", first.Title);
        Assert.NotEmpty(first.Highlights);
        Assert.All(first.Highlights, h => Assert.Contains(h, first.Passage));
        Assert.InRange(first.Score, 0.01, 1.0);
    }

    [Fact]
    public async Task AnswerTextCitesOnlyCitationsThatExist()
    {
        var answer = await _library.AskAsync("How do coalitions share their policy recommendations with government?");

        Assert.True(answer.Found);
        var numbers = CitationMarker().Matches(answer.Text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(numbers);
        Assert.All(numbers, n => Assert.Contains(answer.Citations, c => c.N == n));
        Assert.Equal(Enumerable.Range(1, answer.Citations.Count), answer.Citations.Select(c => c.N));
        Assert.Empty(answer.Suggestions);
    }

    [Theory]
    [InlineData("What is the office parking policy?")]
    [InlineData("How do I reset my laptop password?")]
    [InlineData("Who won the football world cup?")]
    public async Task QuestionOutsideTheLibraryReturnsSuggestions(string question)
    {
        var answer = await _library.AskAsync(question);

        Assert.False(answer.Found);
        Assert.Empty(answer.Citations);
        Assert.Equal(3, answer.Suggestions.Count);
        Assert.Contains("could not find", answer.Text);
    }

    [Fact]
    public async Task EverySuggestionIsAnsweredWhenAsked()
    {
        var answer = await _library.AskAsync("What is the office parking policy?");

        foreach (var suggestion in answer.Suggestions)
        {
            Assert.True((await _library.AskAsync(suggestion)).Found, suggestion);
        }
    }

    [Theory]
    [InlineData("What can diaspra groups do in a crisis?", "004_949f98561308b498.txt")]
    [InlineData("What does an advocay modul contain?", "003_d7f48822047bd3f1.txt")]
    public async Task TyposInWordsTheLibraryKnowsAreForgiven(string question, string document)
    {
        var answer = await _library.AskAsync(question);

        Assert.True(answer.Found);
        Assert.Equal(document, answer.Citations[0].Document);
    }

    [Fact]
    public async Task GlossaryWordingsFindPassagesThatUseOtherWords()
    {
        using var folder = new TempFolder();
        folder.File("handbook.txt", "Handbook\n\nBudget rules\n\nEach member organisation contributes an annual fee to the shared secretariat.\n");
        folder.File("glossary.yaml", "terms:\n  - term: annual fee\n    aka: [yearly dues, membership dues]\n");
        using var library = new Library(folder.Path).Indexed();

        // Not "how much": the passage names the fee but no amount, and an amount question needs one (AnswerKinds).
        var withGlossary = await library.AskAsync("Who pays the yearly dues?");

        Assert.True(withGlossary.Found);
        Assert.Equal("Budget rules", withGlossary.Citations[0].Section);
    }

    [Fact]
    public async Task AskingWhoHoldsARoleTheLibraryNeverNamesIsNotFound()
    {
        // "officer" and "Office" stem alike: the group listing a "Washington Office" must not answer.
        Assert.False((await _library.AskAsync("Who is the coalition's press officer?")).Found);

        using var folder = new TempFolder();
        folder.File("contacts.txt", "Contacts\n\nPress\n\nThe coalition's press officer is Ana Lima, who answers media enquiries.\n");
        using var withContacts = new Library(folder.Path).Indexed();
        Assert.True((await withContacts.AskAsync("Who is the coalition's press officer?")).Found);
    }

    [Fact]
    public async Task WithoutTheGlossaryOtherWordsAreNotGuessed()
    {
        using var folder = new TempFolder();
        folder.File("handbook.txt", "Handbook\n\nBudget rules\n\nEach member organisation contributes an annual fee to the shared secretariat.\n");
        using var library = new Library(folder.Path).Indexed();

        Assert.False((await library.AskAsync("How much are the yearly dues?")).Found);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData(null)]
    public void EmptyQuestionIsRefusedWithAnExample(string? question) =>
        Assert.Contains("Please type a question", _library.Answers.Problem(question));

    [Fact]
    public async Task OverlongQuestionIsRefused()
    {
        var question = new string('a', 2_001);

        Assert.Contains("2,000", _library.Answers.Problem(question));
        await Assert.ThrowsAsync<ArgumentException>(() => _library.AskAsync(question));
    }

    [Fact]
    public async Task QuestionOfOnlyStopWordsIsNotAnswered()
    {
        var answer = await _library.AskAsync("What is it and how do they do that?");

        Assert.False(answer.Found);
        Assert.NotEmpty(answer.Suggestions);
    }

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex CitationMarker();
}
