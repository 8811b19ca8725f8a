using CoalitionBot.Knowledge;

namespace CoalitionBot.AI;

/// <summary>
/// The lexical and the semantic ranking of one question, fused, and the decision whether any
/// passage answers it, read from both signals: how much of the question a passage's words cover
/// (lexical coverage) and how close its meaning is (cosine similarity with the local model).
/// Tuned on the dev questions and the project's own paraphrase and near-miss sets only
/// (tests/eval/questions.paraphrase.jsonl); the README gives the figures per step.
/// </summary>
internal static class HybridRanking
{
    /// <summary>
    /// Share of the fused score that is the lexical relevance; the rest is the similarity,
    /// min-max scaled over the candidates. Measured: BM25 + coverage ranks better than ArcticXs on
    /// this library (plain RRF lost 0.07 hit@1 on dev), so meaning breaks near-ties rather than leads.
    /// </summary>
    public const double LexicalShare = 0.95;

    /// <summary>
    /// The two rankings agree when the best passage by words is nearly as similar as the best
    /// by meaning. A question whose words match a passage that means something else ("how do I
    /// register my organisation as a member of the coalition?") fails this.
    /// </summary>
    public const double MaxDisagreement = 0.08;

    /// <summary>Coverage from which agreeing rankings are an answer.</summary>
    public const double MinCoverage = 0.6;

    /// <summary>Lower coverage is enough when the best passage by words is also close in meaning.</summary>
    public const double MinCoverageWhenClose = 0.3;

    /// <summary>What "close in meaning" is, with ArcticXs and its query prefix.</summary>
    public const double CloseSimilarity = 0.6;

    /// <summary>Passages whose similarity is within this of the best count as relevant by meaning.</summary>
    public const double SimilarityBand = 0.05;

    public static HybridDecision Decide(IReadOnlyList<RankedPassage> ranked, IReadOnlyList<SimilarPassage> similar, double meaningAlone)
    {
        var bestSimilarity = similar.Count > 0 ? similar[0].Similarity : 0;
        var byMeaning = similar.DistinctBy(s => s.Passage.Text).ToDictionary(s => Key(s.Passage), s => s.Similarity);
        var lowest = similar.Count > 0 ? similar[^1].Similarity : 0;
        var top = ranked.Count > 0 ? ranked[0] : null;
        var topSimilarity = top is not null && byMeaning.TryGetValue(Key(top.Passage), out var s) ? s : lowest;
        var coverage = top?.Coverage ?? 0;
        var agree = bestSimilarity - topSimilarity <= MaxDisagreement;
        var byWords = top is not null && agree && (coverage >= MinCoverage || (coverage >= MinCoverageWhenClose && topSimilarity >= CloseSimilarity));
        // A paraphrase that shares no word with the documents: meaning alone, from a higher bar.
        var alone = !byWords && bestSimilarity >= meaningAlone && coverage < MinCoverageWhenClose;
        if (!byWords && !alone)
        {
            return new HybridDecision(false, []);
        }
        var spread = Math.Max(1e-6, bestSimilarity - lowest);
        var bestRelevance = byWords ? top!.Relevance : 1;
        var candidates = new Dictionary<(string, int), FusedPassage>();
        foreach (var r in byWords ? ranked : [])
        {
            var similarity = byMeaning.TryGetValue(Key(r.Passage), out var v) ? v : (double?)null;
            candidates[Key(r.Passage)] = new FusedPassage(r.Passage, r.Relevance, similarity, 0);
        }
        foreach (var p in similar)
        {
            candidates.TryAdd(Key(p.Passage), new FusedPassage(p.Passage, null, p.Similarity, 0));
        }
        var fused = candidates.Values
            .Select(c => c with
            {
                Score = (LexicalShare * (byWords ? (c.Relevance ?? 0) / bestRelevance : 0))
                    + ((1 - LexicalShare) * ((c.Similarity ?? lowest) - lowest) / spread),
            })
            // Relevant by words (as the lexical answer requires) or by meaning (near the best similarity).
            .Where(c => (c.Relevance is { } relevance && relevance >= bestRelevance * 0.45) || c.Similarity >= bestSimilarity - SimilarityBand)
            .OrderByDescending(c => c.Score)
            .DistinctBy(c => c.Passage.Text)
            .ToList();
        return new HybridDecision(true, fused);
    }

    private static (string Document, int Ordinal) Key(Passage passage) => (passage.Document, passage.Ordinal);
}

/// <summary>Whether the question is answered, and the passages best first.</summary>
internal sealed record HybridDecision(bool Found, IReadOnlyList<FusedPassage> Passages);

/// <summary>A passage with what each ranking said of it (null: not among its candidates) and the fused score.</summary>
internal sealed record FusedPassage(Passage Passage, double? Relevance, double? Similarity, double Score);
