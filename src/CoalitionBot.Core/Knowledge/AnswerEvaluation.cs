using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace CoalitionBot.Knowledge;

/// <summary>One line of an eval file (the format of shared/eval/questions.dev.jsonl). An empty <see cref="Expect"/> means the right reply is "not found".</summary>
public sealed record EvalQuestion(string Id, string Question, IReadOnlyList<EvalExpectation> Expect);

public sealed record EvalExpectation(string Source, string Contains);

/// <summary>How one question fared: the rank of the first cited passage that holds an expected text (0: none).</summary>
public sealed record EvalOutcome(EvalQuestion Question, Answer Answer, int Rank)
{
    public bool Answerable => Question.Expect.Count > 0;

    public bool Correct => Answerable ? Rank == 1 : !Answer.Found;
}

/// <summary>hit@1, hit@3 and MRR over answerable questions; abstention accuracy over the others.</summary>
public sealed record EvalReport(
    int Questions, int Answerable, int Unanswerable,
    double HitAt1, double HitAt3, double Mrr, double AbstentionAccuracy, double AnsweredRate,
    [property: JsonIgnore] IReadOnlyList<EvalOutcome> Outcomes);

public static partial class AnswerEvaluation
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads an eval file; throws with the line number when a line is not a question.</summary>
    public static IReadOnlyList<EvalQuestion> Read(string path)
    {
        var questions = new List<EvalQuestion>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            try
            {
                var question = JsonSerializer.Deserialize<EvalQuestion>(line, Json);
                if (question?.Question is null)
                {
                    throw new JsonException("it has no \"question\"");
                }
                questions.Add(question with { Id = question.Id ?? $"line-{lineNumber}", Expect = question.Expect ?? [] });
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}({lineNumber}): not an eval question: {e.Message}", e);
            }
        }
        return questions;
    }

    /// <summary>The 1-based rank of the first citation from the expected document that contains an expected text; 0 when none does.</summary>
    public static int RankOf(Answer answer, IReadOnlyList<EvalExpectation> expect)
    {
        foreach (var citation in answer.Citations)
        {
            var passage = Normalize(citation.Passage);
            if (expect.Any(e => e.Source == citation.Document && passage.Contains(Normalize(e.Contains), StringComparison.OrdinalIgnoreCase)))
            {
                return citation.N;
            }
        }
        return 0;
    }

    public static EvalReport Score(IReadOnlyList<EvalOutcome> outcomes)
    {
        var answerable = outcomes.Where(o => o.Answerable).ToList();
        var unanswerable = outcomes.Where(o => !o.Answerable).ToList();
        double Share(IReadOnlyCollection<EvalOutcome> set, Func<EvalOutcome, double> value) => set.Count == 0 ? 1 : set.Sum(value) / set.Count;
        return new EvalReport(
            outcomes.Count, answerable.Count, unanswerable.Count,
            Share(answerable, o => o.Rank == 1 ? 1 : 0),
            Share(answerable, o => o.Rank is >= 1 and <= 3 ? 1 : 0),
            Share(answerable, o => o.Rank > 0 ? 1.0 / o.Rank : 0),
            Share(unanswerable, o => o.Answer.Found ? 0 : 1),
            Share(answerable, o => o.Answer.Found ? 1 : 0),
            outcomes);
    }

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
