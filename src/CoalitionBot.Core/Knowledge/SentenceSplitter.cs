namespace CoalitionBot.Knowledge;

/// <summary>Sentences of a passage, for highlights and for cutting long paragraphs. Each line (bullet item) is at least its own sentence.</summary>
internal static class SentenceSplitter
{
    public static IEnumerable<string> Split(string text)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var start = 0;
            foreach (var end in SentenceEnds(line, 0, line.Length))
            {
                var sentence = line[start..end].Trim();
                if (sentence.Length > 0)
                {
                    yield return sentence;
                }
                start = end;
            }
            var rest = line[start..].Trim();
            if (rest.Length > 0)
            {
                yield return rest;
            }
        }
    }

    /// <summary>
    /// Offsets just after each sentence end in [from, limit): a '.', '!' or '?' (and closing quotes)
    /// followed by white space and a capital, digit, quote or bullet. "e.g. the" is not an end.
    /// </summary>
    public static IEnumerable<int> SentenceEnds(string text, int from, int limit)
    {
        for (var i = from; i < limit - 1; i++)
        {
            if (text[i] is not ('.' or '!' or '?'))
            {
                continue;
            }
            var end = i + 1;
            while (end < limit && text[end] is '"' or '\'' or ')' or '”' or '’')
            {
                end++;
            }
            if (end >= limit || !char.IsWhiteSpace(text[end]))
            {
                continue;
            }
            var next = end;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }
            if (next < text.Length && (char.IsUpper(text[next]) || char.IsDigit(text[next]) || text[next] is '"' or '“' or '•' or '('))
            {
                yield return end;
            }
        }
    }
}
