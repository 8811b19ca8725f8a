using System.Text;
using CoalitionBot.Knowledge;

namespace CoalitionBot.Host.Cli;

/// <summary>An answer as a person reads it in a terminal: the answer, then the numbered citations with their quoted passages.</summary>
internal static class AnswerText
{
    public static string Render(Answer answer) => Render(answer.Text, answer);

    /// <param name="text">What is said above the citations: the answer's own text, or a reply's that shows it (an onboarding step).</param>
    public static string Render(string text, Answer answer) => Render(new StringBuilder().AppendLine(text), answer);

    private static string Render(StringBuilder text, Answer answer)
    {
        if (!answer.Found)
        {
            if (answer.Suggestions.Count > 0)
            {
                text.AppendLine().AppendLine("Try asking about:");
                foreach (var suggestion in answer.Suggestions)
                {
                    text.AppendLine($"  - {suggestion}");
                }
            }
            return text.ToString();
        }
        foreach (var citation in answer.Citations)
        {
            text.AppendLine()
                .AppendLine($"[{citation.N}] {citation.Document} — {citation.Heading()} ({(citation.PageLabel is { } page ? page + ", " : "")}updated {citation.Updated:yyyy-MM-dd})");
            if (citation.Url is { } url)
            {
                text.AppendLine($"    ↗ {url}");
            }
            foreach (var line in citation.Passage.Split('\n'))
            {
                text.AppendLine($"    │ {line}");
            }
            foreach (var highlight in citation.Highlights)
            {
                text.AppendLine($"    ★ {highlight}");
            }
        }
        return text.ToString();
    }
}
