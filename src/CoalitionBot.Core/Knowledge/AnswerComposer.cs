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
    private const double SecondSentenceShare = 0.5;

    internal IReadOnlyList<string> Highlights(Passage passage, QuestionTerms question) =>
        ScoredSentences(passage, question)
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score)
            .Take(MaxHighlights)
            .OrderBy(s => s.Index)
            .Select(s => Clean(s.Text))
            .ToList();

    /// <summary>
    /// The sentences of a passage scored by the question's terms. A passage cited for its
    /// heading ("Common Goal") may share no word with the question in its sentences; then its
    /// opening sentence is what it says on that heading.
    /// </summary>
    private List<ScoredSentence> ScoredSentences(Passage passage, QuestionTerms question)
    {
        var sentences = SentenceSplitter.Split(passage.Text)
            .Select((text, index) => new ScoredSentence(text, index, question.Match(analyzer.TermSet(text))))
            .ToList();
        if (sentences.Count > 0 && sentences.All(s => s.Score == 0))
        {
            var opening = sentences.FindIndex(s => s.Text != passage.Section);
            sentences[Math.Max(0, opening)] = sentences[Math.Max(0, opening)] with { Score = double.Epsilon };
        }
        return sentences;
    }

    internal string Compose(IReadOnlyList<(Passage Passage, int N)> cited, QuestionTerms question)
    {
        var answer = new StringBuilder();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (passage, n) in cited)
        {
            var sentences = ScoredSentences(passage, question);
            var chosen = sentences.Where(s => s.Score > 0 && !used.Contains(s.Text)).OrderByDescending(s => s.Score).ToList();
            if (chosen.Count == 0)
            {
                continue;
            }
            // The best sentence, and the next best when it matches the question nearly as well, in passage order.
            var picked = chosen.Take(1).Concat(chosen.Skip(1).Take(1).Where(s => s.Score >= chosen[0].Score * SecondSentenceShare)).OrderBy(s => s.Index);
            foreach (var best in picked)
            {
                var sentence = Clean(best.Text);
                var parts = new List<string> { best.Text };
                // "… include:" says nothing alone; the first items of its list are the answer.
                if (best.Text.EndsWith(':'))
                {
                    var items = sentences.Skip(best.Index + 1).Take(ListItemsAfterLeadIn).Where(s => s.Text.StartsWith('•')).ToList();
                    parts.AddRange(items.Select(i => i.Text));
                    sentence += " " + string.Join("; ", items.Select(i => Clean(i.Text).TrimEnd(';', ',', '.')));
                }
                sentence = EndWithStop(sentence.TrimEnd(';', ',', ':', ' ')) + $" [{n}]";
                if (answer.Length > 0 && answer.Length + sentence.Length > MaxAnswerLength)
                {
                    return answer.ToString();
                }
                used.UnionWith(parts);
                answer.Append(answer.Length > 0 ? " " : "").Append(sentence);
            }
        }
        return answer.ToString();
    }

    private static string Clean(string sentence) => sentence.TrimStart('•', ' ').Trim();

    private static string EndWithStop(string sentence) =>
        sentence.Length > 0 && ".!?".Contains(sentence[^1]) ? sentence : sentence + ".";

    private sealed record ScoredSentence(string Text, int Index, double Score);
}
