using System.Text.Json.Nodes;
using CoalitionBot.Teams.Tests.Support;

namespace CoalitionBot.EndToEnd.Tests.Surfaces;

/// <summary>
/// A Teams personal chat: activities POSTed to /api/messages, each reply read off the fake Bot Connector as the card a
/// member sees: its headings and text (not the subtle lines: notes, deadlines in the reader's zone) and its buttons.
/// </summary>
public sealed class TeamsChatSurface(TeamsConversation teams) : ISurface
{
    public string Name => "Teams chat";

    public async Task<IReadOnlyList<Seen>> RunAsync(IReadOnlyList<Step> steps)
    {
        var seen = new List<Seen>();
        ConnectorCall? last = null;
        foreach (var step in steps)
        {
            last = step.Typed is { } text
                ? await teams.SayAsync(text)
                : await teams.ClickAsync(Cards.Button(last!.Card!, step.Pressed!), last.ResponseId!);
            seen.Add(Read(last));
        }
        return seen;
    }

    private static Seen Read(ConnectorCall call)
    {
        if (call.Card is not { } card)
        {
            return Seen.Of(call.Text ?? "", []);
        }
        var text = Cards.Body(card).Where(e => e["type"]!.GetValue<string>() == "TextBlock" && e["isSubtle"]?.GetValue<bool>() != true)
            .Select(e => e["text"]!.GetValue<string>());
        return Seen.Of(string.Join("\n", text), Cards.Buttons(card).Select(b => b["title"]!.GetValue<string>()));
    }
}
