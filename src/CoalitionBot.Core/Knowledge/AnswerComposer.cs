using System.Text;

namespace CoalitionBot.Knowledge;

/// <summary>
/// Builds the extractive answer: per citation, the sentences that match the question best
/// (its highlights), and an answer text made of those sentences, each followed by "[n]"; a
/// lead-in with bullets stays a lead-in with bullets, one per line.
/// </summary>
public sealed class AnswerComposer(CoalitionAnalyzer analyzer)
{
    private const int MaxHighlights = 2;
    private const int MaxAnswerLength = 700;
    private const int MaxListItems = 5;
    private const int MaxListLength = 1_000;
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
            // A heading alone ("Change Strategy") says nothing as an answer sentence.
            var chosen = sentences.Where(s => s.Score > 0 && !used.Contains(s.Text) && !IsHeading(s.Text, passage)).OrderByDescending(s => s.Score).ToList();
            if (chosen.Count == 0)
            {
                continue;
            }
            var part = AsList(sentences, chosen[0], used) ?? AsSentences(sentences, chosen, used);
            if (part is null)
            {
                continue;
            }
            var (text, parts) = part.Value;
            text += $" [{n}]";
            if (answer.Length > 0 && answer.Length + text.Length > MaxAnswerLength)
            {
                break;
            }
            used.UnionWith(parts);
            answer.Append(answer.Length == 0 ? "" : text.Contains('\n') || answer.ToString().Contains('\n') ? "\n\n" : " ").Append(text);
        }
        return answer.ToString();
    }

    /// <summary>
    /// A passage that is a lead-in ("… include:") and its bullets, when the lead-in or a bullet is
    /// what matches: the lead-in, then the bullets that match (all of them when the question is
    /// about the lead-in), one per line, as the document has them, not joined into one sentence.
    /// </summary>
    private static (string Text, List<string> Parts)? AsList(List<ScoredSentence> sentences, ScoredSentence best, HashSet<string> used)
    {
        var bullets = sentences.Where(s => s.Text.StartsWith('•') && !used.Contains(s.Text)).ToList();
        if (bullets.Count == 0)
        {
            return null;
        }
        var first = bullets[0].Index;
        var leadIn = sentences.Take(first).LastOrDefault(s => !s.Text.StartsWith('•'));
        // Only a real lead-in ("… include:") makes the bullets the answer; the passage's other sentences stay sentences.
        if (leadIn is null || !leadIn.Text.TrimEnd().EndsWith(':') || (best.Index > first && !best.Text.StartsWith('•')))
        {
            return null;
        }
        // A better-matching sentence of the lead-in paragraph comes first ("Diaspora groups have access to …").
        var opening = best.Index < leadIn.Index ? EndWithStop(Clean(best.Text)) + " " : "";
        var bestBullet = bullets.Max(b => b.Score);
        var picked = bestBullet > 0 && best.Text.StartsWith('•')
            ? bullets.Where(b => b.Score >= bestBullet * SecondSentenceShare).OrderByDescending(b => b.Score).Take(MaxListItems).OrderBy(b => b.Index).ToList()
            : bullets.Take(MaxListItems).ToList();
        var lines = new StringBuilder(opening + EndWithColon(Clean(leadIn.Text)));
        var length = lines.Length;
        var parts = new List<string> { leadIn.Text, best.Text };
        foreach (var bullet in picked)
        {
            var item = "\n• " + Clean(bullet.Text).TrimEnd(';', ',', '.', ' ');
            if (parts.Count > 2 && length + item.Length > MaxListLength)
            {
                break;
            }
            lines.Append(item);
            length += item.Length;
            parts.Add(bullet.Text);
        }
        return (lines.ToString(), parts);
    }

    /// <summary>The best sentence, and the next best when it matches the question nearly as well, in passage order.</summary>
    private static (string Text, List<string> Parts)? AsSentences(List<ScoredSentence> sentences, List<ScoredSentence> chosen, HashSet<string> used)
    {
        var picked = chosen.Take(1).Concat(chosen.Skip(1).Take(1).Where(s => s.Score >= chosen[0].Score * SecondSentenceShare)).OrderBy(s => s.Index).ToList();
        var text = string.Join(" ", picked.Select(s => EndWithStop(Clean(s.Text).TrimEnd(';', ',', ':', ' '))));
        return text.Length == 0 ? null : (text, picked.Select(s => s.Text).ToList());
    }

    private static bool IsHeading(string sentence, Passage passage) =>
        string.Equals(sentence.Trim().TrimEnd(':', '.'), passage.Section.Trim().TrimEnd(':', '.'), StringComparison.OrdinalIgnoreCase)
        || string.Equals(sentence.Trim(), passage.Title.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string EndWithColon(string leadIn) => leadIn.TrimEnd('.', ';', ',', ' ').TrimEnd(':') + ":";

    private static string Clean(string sentence) => sentence.TrimStart('•', ' ').Trim();

    private static string EndWithStop(string sentence) =>
        sentence.Length > 0 && ".!?".Contains(sentence[^1]) ? sentence : sentence + ".";

    private sealed record ScoredSentence(string Text, int Index, double Score);
}
