using System.CommandLine;
using CoalitionBot.Knowledge;

namespace CoalitionBot.Host.Cli;

/// <summary><c>chat</c>: an interactive conversation in the terminal; "quit" leaves.</summary>
internal static class ChatCommand
{
    private static readonly HashSet<string> Leave = new(StringComparer.OrdinalIgnoreCase) { "quit", "exit", "bye", "/quit" };

    public static Command Create(CliRun run)
    {
        var command = new Command("chat", "Talk with the bot in the terminal; type 'quit' to leave.");
        command.SetAction((parsed, cancellationToken) => CliVerbs.WithIndexAsync(run, async services =>
        {
            var answers = services.GetRequiredService<AnswerService>();
            await run.Console.Out.WriteLineAsync("Ask me about the coalition's documents. Type 'quit' to leave.");
            while (true)
            {
                await run.Console.Out.WriteAsync("> ");
                var line = await run.Console.In.ReadLineAsync(cancellationToken);
                if (line is null || Leave.Contains(line.Trim()))
                {
                    return 0;
                }
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }
                await run.Console.Out.WriteLineAsync(answers.Problem(line) is { } problem
                    ? problem
                    : AnswerText.Render(await answers.AskAsync(line, cancellationToken)));
            }
        }));
        return command;
    }
}
