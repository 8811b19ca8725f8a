using System.Text;

namespace CoalitionBot.Knowledge;

/// <summary>
/// Builds the extractive answer: per citation, the sentences that match the question best
/// (its highlights), and an answer text made of those sentences, each followed by "[n]".
/// </summary>
public sealed class AnswerComposer(CoalitionAnalyzer analyzer)
{
    private const int MaxHighlights = 2;
    private const int MaxAnswerLength = 700;
    private const int ListItemsAfterLeadIn = 2;

    internal IReadOnlyList<string> Highlights(Passage passage, QuestionTerms question) =>
        ScoredSentences(passage, question)
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score)
            .Take(MaxHighlights)
            .OrderBy(s => s.Index)
            .Select(s => Clean(s.Text))
            .ToList();

    internal string Compose(IReadOnlyList<(Passage Passage, int N)> cited, QuestionTerms question)
    {
        var answer = new StringBuilder();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (passage, n) in cited)
        {
            var sentences = ScoredSentences(passage, question);
            var best = sentences.Where(s => s.Score > 0 && !used.Contains(s.Text)).MaxBy(s => s.Score);
            if (best is null)
            {
                continue;
            }
            var parts = new List<string> { best.Text };
            // "… include:" says nothing alone; the first items of its list are the answer.
            if (best.Text.EndsWith(':'))
            {
                parts.AddRange(sentences.Skip(best.Index + 1).Take(ListItemsAfterLeadIn).Select(s => s.Text));
            }
            var sentence = string.Join(" ", parts.Select(Clean)).TrimEnd(';', ',', ':') + $" [{n}]";
            if (answer.Length > 0 && answer.Length + sentence.Length > MaxAnswerLength)
            {
                break;
            }
            used.UnionWith(parts);
            answer.Append(answer.Length > 0 ? " " : "").Append(EndWithStop(sentence));
        }
        return answer.ToString();
    }

    private List<ScoredSentence> ScoredSentences(Passage passage, QuestionTerms question) =>
        SentenceSplitter.Split(passage.Text)
            .Select((text, index) => new ScoredSentence(text, index, question.Match(analyzer.TermSet(text))))
            .ToList();

    private static string Clean(string sentence) => sentence.TrimStart('•', ' ').Trim();

    private static string EndWithStop(string sentence)
    {
        // "… migrants; [2]" reads as "… migrants. [2]"
        var marker = sentence.LastIndexOf(" [", StringComparison.Ordinal);
        var body = sentence[..marker].TrimEnd(';', ',', ':', ' ');
        var stop = body.Length > 0 && ".!?".Contains(body[^1]) ? "" : ".";
        return body + stop + sentence[marker..];
    }

    private sealed record ScoredSentence(string Text, int Index, double Score);
}
