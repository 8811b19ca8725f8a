using System.Text.RegularExpressions;
using CoalitionBot.Actions;

namespace CoalitionBot.Conversation;

public enum SlashCommandKind { Question, Tour, Action, Help }

/// <summary>
/// A command typed after the bot's slash command (<c>/coalition ask …</c>, <c>tour</c>, <c>continue</c>, <c>actions</c>,
/// <c>help</c>), read into what the member would have typed in a direct message, so it is answered by the same words.
/// </summary>
/// <param name="Message">The text to answer, as typed in a chat; empty for "ask" without a question.</param>
public sealed partial record SlashCommand(SlashCommandKind Kind, string Message, ActionCommand? Action = null)
{
    public const string EmptyQuestion = "Please add a question after `ask`, for example: `/coalition ask What can diaspora groups do in a crisis?`";

    public static SlashCommand Read(string? text)
    {
        text = (text ?? "").Trim();
        if (ActionCommand.Parse(text) is { } action)
        {
            return new(SlashCommandKind.Action, text, action);
        }
        var tour = Tour().Match(text);
        if (tour.Success)
        {
            return new(SlashCommandKind.Tour, tour.Groups["continue"].Success ? "continue onboarding" : ("onboard " + tour.Groups["track"].Value).Trim());
        }
        if (text.Equals("ask", StringComparison.OrdinalIgnoreCase) || text.StartsWith("ask ", StringComparison.OrdinalIgnoreCase))
        {
            return new(SlashCommandKind.Question, text[3..].Trim());
        }
        return new(SlashCommandKind.Help, "help");
    }

    [GeneratedRegex(@"^(?:(?:onboard(?:ing)?|tour)(?:\s+(?<track>[\w-]+))?|(?<continue>continue|resume)(?:\s+(?:onboarding|the\s+tour|tour))?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Tour();
}
