namespace CoalitionBot.Knowledge;

/// <param name="Relevance">Lucene's score relative to the best hit, times the coverage: 0 to 1.</param>
/// <param name="Coverage">Weighted share of the question's terms the passage (with its section and title) contains.</param>
internal sealed record RankedPassage(Passage Passage, double Relevance, double Coverage, HashSet<string> Terms);
