using CoalitionBot.Knowledge;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.AI;

/// <summary>
/// `eval` scores citations, and generation only rewrites the answer text: with a chat model on,
/// the figures are those of the extractive bot (the held-out file, which the repository keeps).
/// </summary>
public sealed class EvalWithModelTests : IAsyncLifetime
{
    private readonly TempFolder _seeds = TempFolder.WithSeeds();
    private FakeModelServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeModelServer.StartAsync();
        _server.Reply = _ => "The library answers this in its first passage [1].";
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _seeds.Dispose();
    }

    [Fact]
    public async Task FiguresWithAChatModelAreTheFiguresWithout()
    {
        var questions = AnswerEvaluation.Read(Path.Combine(RepoPaths.Root, "tests", "eval", "questions.heldout.jsonl"));
        using var extractive = new Library(_seeds.Path).Indexed();
        using var generative = new Library(_seeds.Path, _server.Settings("OpenAI")).Indexed();

        var without = await ScoreAsync(extractive, questions);
        var with = await ScoreAsync(generative, questions);

        Assert.Equal((without.HitAt1, without.HitAt3, without.Mrr, without.AbstentionAccuracy), (with.HitAt1, with.HitAt3, with.Mrr, with.AbstentionAccuracy));
        Assert.All(with.Outcomes.Where(o => o.Answer.Found), o => Assert.True(o.Answer.Generated, o.Question.Question));
        Assert.InRange(_server.ChatCalls, 1, with.Outcomes.Count(o => o.Answer.Found));   // identical questions come from the cache
    }

    private static async Task<EvalReport> ScoreAsync(Library library, IReadOnlyList<EvalQuestion> questions)
    {
        var outcomes = new List<EvalOutcome>();
        foreach (var question in questions)
        {
            var answer = await library.AskAsync(question.Question);
            outcomes.Add(new EvalOutcome(question, answer, AnswerEvaluation.RankOf(answer, question.Expect)));
        }
        return AnswerEvaluation.Score(outcomes);
    }
}
