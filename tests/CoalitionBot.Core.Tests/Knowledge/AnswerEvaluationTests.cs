using CoalitionBot.Knowledge;

namespace CoalitionBot.Tests.Knowledge;

public sealed class AnswerEvaluationTests
{
    private static Citation Cite(int n, string document, string passage) =>
        new(n, document, "Title", "Section", passage, [], 0.5, DateTimeOffset.UnixEpoch);

    private static Answer Found(params Citation[] citations) => new("q", true, "a", citations, []);

    [Fact]
    public void RankIsTheFirstCitationFromTheExpectedDocumentWithTheExpectedText()
    {
        var answer = Found(Cite(1, "a.txt", "unrelated"), Cite(2, "b.txt", "the expected  text\nhere"), Cite(3, "a.txt", "the expected text"));

        Assert.Equal(2, AnswerEvaluation.RankOf(answer, [new EvalExpectation("b.txt", "expected text here")]));
        Assert.Equal(3, AnswerEvaluation.RankOf(answer, [new EvalExpectation("a.txt", "expected text")]));
        Assert.Equal(0, AnswerEvaluation.RankOf(answer, [new EvalExpectation("c.txt", "expected text")]));
    }

    [Fact]
    public void ScoresHitsMrrAndAbstention()
    {
        EvalQuestion Q(bool answerable) => new("id", "q", answerable ? [new EvalExpectation("a.txt", "x")] : []);
        var notFound = new Answer("q", false, "no", [], ["s"]);
        var outcomes = new List<EvalOutcome>
        {
            new(Q(true), Found(), 1),
            new(Q(true), Found(), 2),
            new(Q(true), Found(), 0),
            new(Q(false), notFound, 0),
            new(Q(false), Found(), 0),
        };

        var report = AnswerEvaluation.Score(outcomes);

        Assert.Equal(1.0 / 3, report.HitAt1, 3);
        Assert.Equal(2.0 / 3, report.HitAt3, 3);
        Assert.Equal((1 + 0.5) / 3, report.Mrr, 3);
        Assert.Equal(0.5, report.AbstentionAccuracy, 3);
    }
}
