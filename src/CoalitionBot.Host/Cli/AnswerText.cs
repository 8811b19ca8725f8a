using System.Text;
using CoalitionBot.Knowledge;

namespace CoalitionBot.Host.Cli;

/// <summary>An answer as a person reads it in a terminal: the answer, then the numbered citations with their quoted passages.</summary>
internal static class AnswerText
{
    public static string Render(Answer answer)
    {
        var text = new StringBuilder();
        text.AppendLine(answer.Text);
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
                .AppendLine($"[{citation.N}] {citation.Document} — {citation.Title} › {citation.Section} ({(citation.PageLabel is { } page ? page + ", " : "")}updated {citation.Updated:yyyy-MM-dd})");
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
