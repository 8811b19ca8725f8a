using System.CommandLine;
using System.Text.Json;
using CoalitionBot.Knowledge;

namespace CoalitionBot.Host.Cli;

/// <summary><c>ask "question" [--format text|json|jsonl]</c>; jsonl reads one question a line from standard input.</summary>
internal static class AskCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly JsonSerializerOptions IndentedJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(CliRun run)
    {
        var question = new Argument<string[]>("question") { Description = "The question (quotes optional). With --format jsonl, questions come from standard input.", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format") { Description = "text (default), json, or jsonl", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "jsonl");
        var command = new Command("ask", "Answer a question from the library, with citations.") { question, format };
        command.SetAction((parsed, cancellationToken) => CliVerbs.WithIndexAsync(run, services =>
        {
            var answers = services.GetRequiredService<AnswerService>();
            var text = string.Join(' ', parsed.GetValue(question) ?? []);
            return parsed.GetValue(format) == "jsonl"
                ? AskEachLineAsync(answers, run.Console, cancellationToken)
                : AskOneAsync(answers, text, parsed.GetValue(format)!, run.Console, cancellationToken);
        }));
        return command;
    }

    private static async Task<int> AskOneAsync(AnswerService answers, string question, string format, CliConsole console, CancellationToken cancellationToken)
    {
        if (answers.Problem(question) is { } problem)
        {
            await console.Error.WriteLineAsync(problem);
            return CliVerbs.BadInput;
        }
        var answer = await answers.AskAsync(question, cancellationToken);
        await console.Out.WriteAsync(format == "json" ? JsonSerializer.Serialize(answer, IndentedJson) + Environment.NewLine : AnswerText.Render(answer));
        return 0;
    }

    /// <summary>One answer object per input line, in order; a line that is not a question gets an error object, so lines stay aligned.</summary>
    private static async Task<int> AskEachLineAsync(AnswerService answers, CliConsole console, CancellationToken cancellationToken)
    {
        var result = 0;
        while (await console.In.ReadLineAsync(cancellationToken) is { } line)
        {
            if (answers.Problem(line) is { } problem)
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(new { question = line, error = problem }, Json));
                result = CliVerbs.BadInput;
                continue;
            }
            var answer = await answers.AskAsync(line, cancellationToken);
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(answer, Json));
        }
        return result;
    }
}
