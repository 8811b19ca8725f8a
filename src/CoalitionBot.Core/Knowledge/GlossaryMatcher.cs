namespace CoalitionBot.Knowledge;

/// <summary>The glossary analysed once, the way questions are, so that its wordings can be found in a question's terms.</summary>
public sealed class GlossaryMatcher
{
    private readonly List<string[][]> _entries;

    public GlossaryMatcher(Glossary glossary, CoalitionAnalyzer analyzer)
    {
        Glossary = glossary;
        _entries = glossary.Entries
            .Select(e => e.Forms
                .Select(f => analyzer.Terms(f).Select(t => t.Term).ToArray())
                .Where(f => f.Length > 0)
                .DistinctBy(f => string.Join(' ', f))
                .ToArray())
            .Where(forms => forms.Length > 1)
            .ToList();
    }

    public Glossary Glossary { get; }

    /// <summary>
    /// For each position of <paramref name="terms"/> inside a glossary wording, the entry's other
    /// wordings (each an analysed term sequence).
    /// </summary>
    public Dictionary<int, List<string[]>> Alternatives(IReadOnlyList<string> terms)
    {
        var found = new Dictionary<int, List<string[]>>();
        foreach (var forms in _entries)
        {
            foreach (var form in forms)
            {
                for (var start = IndexOf(terms, form, 0); start >= 0; start = IndexOf(terms, form, start + 1))
                {
                    var others = forms.Where(f => !ReferenceEquals(f, form)).ToList();
                    for (var i = start; i < start + form.Length; i++)
                    {
                        if (!found.TryGetValue(i, out var list))
                        {
                            found[i] = list = [];
                        }
                        list.AddRange(others.Where(o => !list.Any(l => l.SequenceEqual(o))));
                    }
                }
            }
        }
        return found;
    }

    private static int IndexOf(IReadOnlyList<string> terms, string[] form, int from)
    {
        for (var i = from; i + form.Length <= terms.Count; i++)
        {
            var match = true;
            for (var j = 0; j < form.Length && match; j++)
            {
                match = terms[i + j] == form[j];
            }
            if (match)
            {
                return i;
            }
        }
        return -1;
    }
}
