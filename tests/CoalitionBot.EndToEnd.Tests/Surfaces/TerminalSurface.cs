using CoalitionBot.Host.Tests.Support;

namespace CoalitionBot.EndToEnd.Tests.Surfaces;

/// <summary>
/// The terminal's <c>chat</c>: the whole scenario typed into one session (a button pressed by typing its label), the
/// output cut at each prompt. A reply's buttons are the "Type:" line and the questions after "You could ask next:".
/// </summary>
public sealed class TerminalSurface(Cli cli) : ISurface
{
    private static readonly string[] ButtonLines = ["Type: ", "You could ask next: ", "Try asking: "];

    public string Name => "terminal chat";

    public async Task<IReadOnlyList<Seen>> RunAsync(IReadOnlyList<Step> steps)
    {
        var input = string.Join("\n", steps.Select(s => s.Typed ?? s.Pressed!.ToLowerInvariant())) + "\nquit\n";
        var result = (await cli.RunWithInputAsync(input, "chat")).Exited(0);
        // Each "> " is the prompt before the next line is read: the first part is the greeting, the last the prompt for "quit".
        var replies = result.Output.Split("> ").Skip(1).SkipLast(1).ToList();
        Assert.Equal(steps.Count, replies.Count);
        return replies.Select(Read).ToList();
    }

    private static Seen Read(string reply)
    {
        var lines = reply.Replace("\r\n", "\n").Split('\n');
        var text = lines.TakeWhile(l => !l.StartsWith("[1] ", StringComparison.Ordinal) && !ButtonLines.Any(b => l.StartsWith(b, StringComparison.Ordinal)));
        var buttons = lines.SelectMany(l =>
            l.StartsWith("Type: ", StringComparison.Ordinal) ? l["Type: ".Length..].Split(" | ")
            : ButtonLines.Skip(1).FirstOrDefault(b => l.StartsWith(b, StringComparison.Ordinal)) is { } prefix ? l[prefix.Length..].Split("; ")
            : []);
        return Seen.Of(string.Join("\n", text), buttons);
    }
}
