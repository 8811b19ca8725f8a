using System.Globalization;
using System.Text.RegularExpressions;
using CoalitionBot.Knowledge;

namespace CoalitionBot.AI;

/// <summary>
/// Checks a generated answer before anyone sees it: it must cite, every number it cites must be a
/// citation we gave, and every sentence that says something must carry a number. Any doubt means
/// the extractive answer is used instead, so the check is strict rather than clever.
/// </summary>
internal static partial class CitationChecker
{
    /// <summary>Longest answer accepted; a model that rambles past it is not answering the question.</summary>
    private const int MaxLength = 4_000;

    /// <summary>Sentences this short ("In short:") make no claim of their own.</summary>
    private const int MinClaimWords = 4;

    /// <summary>The text as it should be shown, with reasoning blocks removed, or the reason it cannot be.</summary>
    public static CitationCheck Check(string? text, int citations)
    {
        var answer = Think().Replace(text ?? "", "").Trim();
        if (answer.Length == 0)
        {
            return CitationCheck.Fail("empty answer");
        }
        if (answer.Length > MaxLength)
        {
            return CitationCheck.Fail("answer too long");
        }
        var numbers = Numbers(answer).ToList();
        if (numbers.Count == 0)
        {
            return CitationCheck.Fail("no citation");
        }
        if (numbers.FirstOrDefault(n => n < 1 || n > citations) is var wrong and not 0)
        {
            return CitationCheck.Fail($"citation [{wrong}] does not exist");
        }
        if (numbers.Contains(0))
        {
            return CitationCheck.Fail("citation [0] does not exist");
        }
        // A citation may close the next sentence of the same claim ("… in 2019. It still runs [2]."),
        // or stand after the full stop ("… funds. [1]"), so an uncited sentence passes when the next one cites.
        var sentences = SentenceSplitter.Split(answer).ToList();
        for (var i = 0; i < sentences.Count; i++)
        {
            var claim = !sentences[i].EndsWith(':') && Words(sentences[i]) >= MinClaimWords;
            if (claim && !Marker().IsMatch(sentences[i]) && !(i + 1 < sentences.Count && Marker().IsMatch(sentences[i + 1])))
            {
                return CitationCheck.Fail("a sentence without a citation");
            }
        }
        return new CitationCheck(true, answer, null);
    }

    /// <summary>
    /// While an answer streams: the text up to its last citation marker, as long as every marker so
    /// far names a citation we gave; a claim is shown once its number has arrived, never before.
    /// </summary>
    public static string CitedSoFar(string text, int citations)
    {
        var visible = Think().Replace(text, "");
        var end = 0;
        foreach (Match marker in Marker().Matches(visible))
        {
            if (Numbers(marker.Value).Any(n => n < 1 || n > citations))
            {
                break;
            }
            end = marker.Index + marker.Length;
        }
        return visible[..end].Trim();
    }

    private static IEnumerable<int> Numbers(string answer) =>
        Marker().Matches(answer)
            .SelectMany(m => m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0);

    private static int Words(string sentence) => sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter));

    /// <summary>"[1]", "[2, 3]".</summary>
    /// <summary>A citation marker, "[2]" or "[1, 3]" (group 1: the numbers).</summary>
    [GeneratedRegex(@"\[(\d+(?:\s*,\s*\d+)*)\]")]
    internal static partial Regex Marker();

    /// <summary>Reasoning models (qwen3, deepseek-r1) think aloud between these tags before answering.</summary>
    [GeneratedRegex(@"<think>.*?(</think>|$)", RegexOptions.Singleline)]
    private static partial Regex Think();
}

/// <summary>The outcome of <see cref="CitationChecker.Check"/>: the answer to show, or why not.</summary>
internal sealed record CitationCheck(bool Valid, string Text, string? Problem)
{
    public static CitationCheck Fail(string problem) => new(false, "", problem);
}
