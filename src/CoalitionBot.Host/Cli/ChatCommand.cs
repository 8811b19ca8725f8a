using System.CommandLine;
using CoalitionBot.Conversation;
using CoalitionBot.Storage;
using Microsoft.Extensions.Hosting;

namespace CoalitionBot.Host.Cli;

/// <summary>
/// <c>chat</c>: an interactive conversation in the terminal, through the same engine as Slack and
/// Teams, so follow-ups ("what about children?", "tell me more") read the previous turn; "quit" leaves.
/// </summary>
internal static class ChatCommand
{
    private static readonly HashSet<string> Leave = new(StringComparer.OrdinalIgnoreCase) { "quit", "exit", "bye", "/quit" };

    public static Command Create(CliRun run)
    {
        var command = new Command("chat", "Talk with the bot in the terminal; type 'quit' to leave.");
        command.SetAction((parsed, cancellationToken) => CliVerbs.WithIndexAsync(run, async services =>
        {
            // The engine keeps each turn in the database (the follow-up's context): create it if this is the first run.
            foreach (var initializer in services.GetServices<IHostedService>().OfType<DatabaseInitializer>())
            {
                await initializer.StartAsync(cancellationToken);
            }
            var engine = services.GetRequiredService<ConversationEngine>();
            var where = new IncomingMessage("cli", Environment.UserName, Guid.NewGuid().ToString("N"), null, "");
            await run.Console.Out.WriteLineAsync("Ask me about the coalition's documents (\"onboard\" for a guided tour). Type 'quit' to leave.");
            IReadOnlyList<ReplyButton> buttons = [];
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
                // The terminal has no buttons: typing a tour button's label ("next", "back") presses it.
                var pressed = buttons.FirstOrDefault(b => ReplyActions.IsOnboarding(b.Action) && string.Equals(b.Label, line.Trim(), StringComparison.OrdinalIgnoreCase));
                var reply = pressed is null
                    ? await engine.ReplyToAsync(where with { Text = line }, cancellationToken)
                    : await engine.OnboardingClickAsync(where, pressed.Action, pressed.Value, cancellationToken);
                await run.Console.Out.WriteLineAsync(reply.Answer is { } answer ? AnswerText.Render(answer) : reply.Text);
                if (reply.Note is { } note)
                {
                    await run.Console.Out.WriteLineAsync(note);
                }
                buttons = reply.Buttons;
                if (buttons.Where(b => ReplyActions.IsOnboarding(b.Action)).Select(b => b.Label).ToList() is { Count: > 0 } labels)
                {
                    await run.Console.Out.WriteLineAsync("Type: " + string.Join(" | ", labels.Select(l => l.ToLowerInvariant())));
                }
                if (reply.Kind is ReplyKind.Answer or ReplyKind.Onboarding && buttons.Where(b => b.Action == ReplyActions.Ask).Select(b => b.Value).ToList() is { Count: > 0 } next)
                {
                    await run.Console.Out.WriteLineAsync("You could ask next: " + string.Join("; ", next));
                }
            }
        }));
        return command;
    }
}
