using CoalitionBot.Knowledge;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Tests.Knowledge;

public sealed class CuratedAnswersTests
{
    [Theory]
    [InlineData("Who pays for translation at the coalition's webinars?")]
    [InlineData("What is the parking policy at the Brussels office?")]
    public async Task ASavedCoordinatorAnswerAnswersTheSameQuestionCitedAsACoordinatorAnswer(string question)
    {
        using var seeds = TempFolder.WithSeeds();
        using var library = await new Library(seeds.Path).StartedAsync();
        Assert.False((await library.AskAsync(question)).Found);

        var title = await library.Services.GetRequiredService<CuratedAnswers>().SaveAsync("q1", question, "The secretariat covers it from the shared budget; ask Maria for the form.", CancellationToken.None);
        var answer = await library.AskAsync(question);

        Assert.True(answer.Found);
        Assert.StartsWith("Coordinator answer, ", title, StringComparison.Ordinal);
        Assert.Equal(title, answer.Citations[0].Title);
        Assert.Equal("curated/coordinator-answer-q1.md", answer.Citations[0].Document);
        Assert.Contains("shared budget", answer.Text, StringComparison.Ordinal);
    }
}
