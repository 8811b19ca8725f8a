using CoalitionBot.Knowledge;

namespace CoalitionBot.Core.Tests.Knowledge;

/// <summary>Suggestions read as questions a member would ask, whatever the shape of the heading behind them.</summary>
public sealed class TopicQuestionsTests
{
    [Theory]
    [InlineData("Promote links between people and groups", "How can we promote links between people and groups?")]
    [InlineData("Mobilize Supporters", "How can we mobilize supporters?")]
    [InlineData("2. Spotlight on the EU", "What is the spotlight on the EU?")]
    [InlineData("3. EU advocacy resources on priority issues", "What are the EU advocacy resources on priority issues?")]
    [InlineData("Lessons learned", "What are the lessons learned?")]
    [InlineData("Cost per beneficiary", "What is the cost per beneficiary?")]
    [InlineData("Case study", "What is the case study?")]
    [InlineData("Common Goal", "What is the common goal?")]
    [InlineData("Diaspora engagement in humanitarian response", "What is diaspora engagement in humanitarian response?")]
    [InlineData("Support for a number of small and targeted national advocacy actions", "What is the support for a number of small and targeted national advocacy actions?")]
    [InlineData("Stating the Problem", "What does the library say about stating the problem?")]
    [InlineData("How we achieve our goal?", "How we achieve our goal?")]
    public void AHeadingBecomesAQuestion(string heading, string question) =>
        Assert.Equal(question, TopicQuestions.From(heading));
}
