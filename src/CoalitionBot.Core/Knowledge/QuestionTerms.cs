namespace CoalitionBot.Knowledge;

/// <summary>One content word of a question, its rarity in the library, and the glossary's other wordings for it.</summary>
internal sealed record QuestionTerm(string Term, int Position, IReadOnlyList<string[]> Alternatives)
{
    /// <summary>What the term's rarity is multiplied by: less than 1 for a term carried over from the previous question.</summary>
    public double Scale { get; init; } = 1;

    /// <summary>Inverse document frequency over passages: rare words decide what a question is about.</summary>
    public double Weight { get; set; } = 1;

    /// <summary>
    /// The library's spelling of a word it does not know, one or two letters away ("diaspra" →
    /// "diaspora"): people type questions in chat, typos included.
    /// </summary>
    public string? Correction { get; set; }

    /// <summary>True when the term, its correction, or one of its alternatives (all of its words) is in <paramref name="terms"/>.</summary>
    public bool IsCoveredBy(HashSet<string> terms) =>
        terms.Contains(Term) || (Correction is { } corrected && terms.Contains(corrected)) || Alternatives.Any(a => a.All(terms.Contains));
}

/// <summary>A question turned into analysed content terms, with glossary alternatives.</summary>
internal sealed record QuestionTerms(IReadOnlyList<QuestionTerm> Terms)
{
    public static QuestionTerms Parse(string question, CoalitionAnalyzer analyzer, GlossaryMatcher glossary)
    {
        var analysed = analyzer.Terms(question);
        var alternatives = glossary.Alternatives(analysed.Select(t => t.Term).ToList());
        var terms = new List<QuestionTerm>();
        for (var i = 0; i < analysed.Count; i++)
        {
            var (term, position) = analysed[i];
            var alts = alternatives.TryGetValue(i, out var found) ? found : [];
            var existing = terms.FindIndex(t => t.Term == term);
            if (existing < 0)
            {
                terms.Add(new QuestionTerm(term, position, alts));
            }
            else if (alts.Count > 0)
            {
                terms[existing] = terms[existing] with { Alternatives = [.. terms[existing].Alternatives, .. alts] };
            }
        }
        return new QuestionTerms(terms);
    }

    public double TotalWeight => Terms.Sum(t => t.Weight);

    /// <summary>
    /// A follow-up ("what about children?") read against what came before: its own terms lead,
    /// the previous question's terms come along at <paramref name="share"/> of their weight, so
    /// the passage that answers the new focus in the old context ranks first.
    /// </summary>
    public QuestionTerms WithContext(QuestionTerms context, double share)
    {
        // Far positions keep carried-over terms out of the new question's phrase queries.
        var offset = Terms.Count == 0 ? 0 : Terms.Max(t => t.Position) + 100;
        var carried = context.Terms
            .Where(c => Terms.All(t => t.Term != c.Term))
            .Select(c => c with { Position = c.Position + offset, Scale = c.Scale * share });
        return new QuestionTerms([.. Terms, .. carried]);
    }

    /// <summary>
    /// The weighted share of the question's terms present in <paramref name="terms"/>, 0 to 1;
    /// a term found only in the <paramref name="context"/> (the document's headings) counts half.
    /// </summary>
    public double Coverage(HashSet<string> terms, HashSet<string> context)
    {
        if (TotalWeight <= 0)
        {
            return 0;
        }
        var covered = Terms.Sum(t => t.IsCoveredBy(terms) ? t.Weight : t.IsCoveredBy(context) ? t.Weight * ContextShare : 0);
        return covered / TotalWeight;
    }

    private const double ContextShare = 0.5;

    /// <summary>The weight of the question's terms present in <paramref name="terms"/>.</summary>
    public double Match(HashSet<string> terms) => Terms.Where(t => t.IsCoveredBy(terms)).Sum(t => t.Weight);
}
