using System.CommandLine;
using System.Text.Json;
using CoalitionBot.Knowledge;

namespace CoalitionBot.Host.Cli;

/// <summary><c>eval --questions FILE.jsonl</c>: hit@1, hit@3, MRR and abstention accuracy, and each miss.</summary>
internal static class EvalCommand
{
    /// <summary>Exit code when a figure is below its required minimum.</summary>
    public const int BelowTarget = 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(CliRun run)
    {
        var questions = new Option<FileInfo>("--questions") { Description = "A .jsonl file of questions with expected passages", Required = true };
        var format = new Option<string>("--format") { Description = "text (default) or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var minHitAt1 = new Option<double?>("--min-hit-at-1") { Description = "Exit with code 3 when hit@1 is below this (a regression check for CI)" };
        var minHitAt3 = new Option<double?>("--min-hit-at-3") { Description = "Exit with code 3 when hit@3 is below this" };
        var minAbstention = new Option<double?>("--min-abstention") { Description = "Exit with code 3 when abstention accuracy is below this" };
        var command = new Command("eval", "Score answer quality on a question file.") { questions, format, minHitAt1, minHitAt3, minAbstention };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var file = parsed.GetValue(questions)!;
            if (!file.Exists)
            {
                await run.Console.Error.WriteLineAsync($"The question file '{file.FullName}' does not exist.");
                return CliVerbs.BadInput;
            }
            return await CliVerbs.WithIndexAsync(run, async services =>
            {
                var answers = services.GetRequiredService<AnswerService>();
                var outcomes = new List<EvalOutcome>();
                var lexicalOutcomes = new List<EvalOutcome>();
                foreach (var question in AnswerEvaluation.Read(file.FullName))
                {
                    var answer = await answers.AskAsync(question.Question, cancellationToken);
                    outcomes.Add(new EvalOutcome(question, answer, AnswerEvaluation.RankOf(answer, question.Expect)));
                    // The same question by words alone, so that what semantic ranking adds stays visible.
                    var lexical = answers.AskLexically(question.Question);
                    lexicalOutcomes.Add(new EvalOutcome(question, lexical, AnswerEvaluation.RankOf(lexical, question.Expect)));
                }
                var report = AnswerEvaluation.Score(outcomes);
                var lexicalReport = AnswerEvaluation.Score(lexicalOutcomes);
                await run.Console.Out.WriteLineAsync(parsed.GetValue(format) == "json"
                    ? JsonSerializer.Serialize(new { report.Questions, report.Answerable, report.Unanswerable, report.HitAt1, report.HitAt3, report.Mrr, report.AbstentionAccuracy, report.AnsweredRate, Lexical = lexicalReport }, Json)
                    : Render(lexicalReport, report, answers.Ranking));
                var shortfalls = new[]
                {
                    ("hit@1", report.HitAt1, parsed.GetValue(minHitAt1)),
                    ("hit@3", report.HitAt3, parsed.GetValue(minHitAt3)),
                    ("abstention accuracy", report.AbstentionAccuracy, parsed.GetValue(minAbstention)),
                }.Where(f => f.Item3 is { } minimum && f.Item2 < minimum - 1e-9).ToList();
                foreach (var (name, value, minimum) in shortfalls)
                {
                    await run.Console.Error.WriteLineAsync($"{name} is {value:F2}, below the required {minimum:F2}.");
                }
                return shortfalls.Count == 0 ? 0 : BelowTarget;
            });
        });
        return command;
    }

    private static string Render(EvalReport lexical, EvalReport report, string ranking)
    {
        var lines = new List<string>();
        foreach (var miss in report.Outcomes.Where(o => !o.Correct))
        {
            var got = miss.Answer.Found
                ? string.Join(", ", miss.Answer.Citations.Select(c => $"[{c.N}] {c.Document} › {c.Section}"))
                : "not found";
            var expected = miss.Answerable ? $"rank {(miss.Rank == 0 ? "none" : miss.Rank)}" : "expected not found";
            lines.Add($"  {miss.Question.Id} ({expected}): {miss.Question.Question} → {got}");
        }
        if (lines.Count > 0)
        {
            lines.Insert(0, "Not at rank 1:");
        }
        lines.Add($"Questions: {report.Questions} ({report.Answerable} answerable, {report.Unanswerable} not)");
        lines.Add($"lexical only: {Figures(lexical)}");
        lines.Add($"{ranking}: {Figures(report)}");
        return string.Join(Environment.NewLine, lines);
    }

    private static string Figures(EvalReport report) =>
        $"hit@1: {report.HitAt1:F2}  hit@3: {report.HitAt3:F2}  MRR: {report.Mrr:F2}  abstention accuracy: {report.AbstentionAccuracy:F2}  answered: {report.AnsweredRate:F2}";
}
