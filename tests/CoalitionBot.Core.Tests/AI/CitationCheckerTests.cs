using CoalitionBot.AI;

namespace CoalitionBot.Tests.AI;

public sealed class CitationCheckerTests
{
    [Theory]
    [InlineData("Diaspora groups raise funds [1].")]
    [InlineData("Diaspora groups raise funds [1]. They also act as intermediaries [2, 3].")]
    [InlineData("Diaspora groups raise funds. [1]")]
    [InlineData("Diaspora groups raise funds in many ways. They organise fundraising events [2].")]
    [InlineData("In short:\nDiaspora groups raise funds [1].")]
    public void CitedAnswerPasses(string text) => Assert.True(CitationChecker.Check(text, 3).Valid, text);

    [Theory]
    [InlineData("", "empty answer")]
    [InlineData("Diaspora groups raise funds.", "no citation")]
    [InlineData("Diaspora groups raise funds [4].", "citation [4] does not exist")]
    [InlineData("Diaspora groups raise funds [0].", "citation [0] does not exist")]
    [InlineData("Diaspora groups raise funds [1]. They also run hospitals across the whole country.", "a sentence without a citation")]
    public void AnswerThatDoesNotCheckOutFails(string text, string problem)
    {
        var check = CitationChecker.Check(text, 3);

        Assert.False(check.Valid);
        Assert.Equal(problem, check.Problem);
    }

    [Fact]
    public void ReasoningBeforeTheAnswerIsRemoved()
    {
        var check = CitationChecker.Check("<think>The user wants… maybe [9]</think>\nDiaspora groups raise funds [1].", 1);

        Assert.True(check.Valid);
        Assert.Equal("Diaspora groups raise funds [1].", check.Text);
    }
}
