using System.CommandLine;
using CoalitionBot.Conversation;
using CoalitionBot.Storage;
using Microsoft.Extensions.Hosting;

namespace CoalitionBot.Host.Cli;

/// <summary>
/// <c>chat</c>: an interactive conversation in the terminal, through the same Core as Slack, Teams and the web chat,
/// so follow-ups ("what about children?", "tell me more"), the tour and the joint-action commands work the same.
/// The terminal has no buttons: typing a button's label presses it; a form asks its fields one by one. "quit" leaves.
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
            var interactions = services.GetRequiredService<InteractionHandler>();
            var zone = TimeZoneInfo.Local.Id is { Length: > 0 } local && TimeZoneInfo.TryFindSystemTimeZoneById(local, out _) ? local : null;
            var where = new IncomingMessage(Platforms.Cli, Environment.UserName, Guid.NewGuid().ToString("N"), null, "", zone);
            var console = run.Console;
            await console.Out.WriteLineAsync("Ask me about the coalition's documents (\"onboard\" for a guided tour, \"help\" for more). Type 'quit' to leave.");
            IReadOnlyList<ReplyButton> buttons = [];
            while (true)
            {
                await console.Out.WriteAsync("> ");
                var line = await console.In.ReadLineAsync(cancellationToken);
                if (line is null || Leave.Contains(line.Trim()))
                {
                    return 0;
                }
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }
                var pressed = buttons.FirstOrDefault(b => b.Action != ReplyActions.Ask && string.Equals(b.Label, line.Trim(), StringComparison.OrdinalIgnoreCase));
                var reply = pressed is null
                    ? await engine.ReplyToAsync(where with { Text = line }, cancellationToken)
                    : await interactions.ClickAsync(new ButtonClick(where, pressed.Action, pressed.Value), cancellationToken);
                // A form is filled in at once; what it leads to (errors, a confirmation) may be another form.
                while (reply.Form is { } form)
                {
                    await console.Out.WriteLineAsync(form.Intro ?? form.Title);
                    if (await FormPrompt.FillAsync(console, form, cancellationToken) is not { } submit)
                    {
                        reply = Reply.Say("Left the form; nothing was sent.");
                        break;
                    }
                    reply = await interactions.SubmitAsync(new FormSubmit(where, form.Id, submit.Values, form.State, Guid.NewGuid().ToString("N"), submit.Back), cancellationToken);
                }
                // The reply's own text (a step's, a "not found" with its suggestions as buttons below), then what it cites.
                await console.Out.WriteLineAsync(reply.Answer is { Found: true } answer ? AnswerText.Render(reply.Text, answer) : reply.Text);
                if (reply.Note is { } note)
                {
                    await console.Out.WriteLineAsync(note);
                }
                buttons = reply.Buttons;
                if (buttons.Where(b => b.Action != ReplyActions.Ask).Select(b => b.Label).ToList() is { Count: > 0 } labels)
                {
                    await console.Out.WriteLineAsync("Type: " + string.Join(" | ", labels.Select(l => l.ToLowerInvariant())));
                }
                if (buttons.Where(b => b.Action == ReplyActions.Ask).Select(b => b.Value).ToList() is { Count: > 0 } next)
                {
                    await console.Out.WriteLineAsync((reply.Kind == ReplyKind.NotFound ? "Try asking: " : "You could ask next: ") + string.Join("; ", next));
                }
            }
        }));
        return command;
    }
}
