using CoalitionBot.Knowledge;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Knowledge;

/// <summary>Extractive answers a member can read: lists stay lists, suggestions are questions, headings once, other languages said plainly.</summary>
public sealed class ReadableAnswersTests : IDisposable
{
    private readonly TempFolder _documents = new();

    public void Dispose() => _documents.Dispose();

    [Fact]
    public async Task LeadInWithBulletsIsAnsweredAsAList()
    {
        _documents.File("support.txt",
            "Member support\n\nTraining offer\n\nThe training offer for member organisations includes:\n\n"
            + "  • Media training for spokespeople;\n"
            + "  • Workshops on data protection;\n"
            + "  • Mentoring for new coordinators.\n");
        using var library = new Library(_documents.Path).Indexed();

        var answer = await library.AskAsync("What does the training offer for member organisations include?");

        Assert.True(answer.Found, answer.Text);
        Assert.StartsWith("The training offer for member organisations includes:\n• Media training for spokespeople\n• Workshops on data protection\n• Mentoring for new coordinators", answer.Text);
        Assert.DoesNotContain(";", answer.Text);
    }

    [Fact]
    public async Task SuggestionsAreQuestions()
    {
        using var library = new Library(RepoPaths.Seeds).Indexed();

        var answer = await library.AskAsync("Where do I park my bicycle at the office?");

        Assert.False(answer.Found);
        Assert.NotEmpty(answer.Suggestions);
        Assert.All(answer.Suggestions, s => Assert.EndsWith("?", s));
        Assert.All(answer.Suggestions, s => Assert.DoesNotMatch(@"“\d+\.", s));
    }

    [Fact]
    public void SectionThatRepeatsTheTitleIsShownOnce()
    {
        var citation = new Citation(1, "a.txt", "Section: Arrival", "Section: Arrival", "text", [], 1, DateTimeOffset.UnixEpoch);

        Assert.Equal("Section: Arrival", citation.Heading());
        Assert.Equal("Section: Arrival › Case study", (citation with { Section = "Case study" }).Heading());
    }

    [Theory]
    [InlineData("¿Qué pueden hacer los grupos de la diáspora en una crisis?", "Spanish")]
    [InlineData("Que peuvent faire les groupes de la diaspora en cas de crise ?", "French")]
    [InlineData("O que os grupos da diáspora podem fazer numa crise?", "Portuguese")]
    public async Task QuestionInAnotherLanguageGetsAnEnglishReplySayingSo(string question, string language)
    {
        using var library = new Library(RepoPaths.Seeds).Indexed();

        var answer = await library.AskAsync(question);

        Assert.False(answer.Found);
        Assert.Contains($"looks like {language}", answer.Text);
        Assert.Contains("English", answer.Text);
        Assert.NotEmpty(answer.Suggestions);
    }

    [Theory]
    [InlineData("What can diaspora groups do in a crisis?")]
    [InlineData("Who are the NGOs in the working group?")]
    public void EnglishQuestionIsNotTakenForAnotherLanguage(string question) =>
        Assert.Null(QuestionLanguage.Detect(question));
}
