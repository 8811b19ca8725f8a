namespace CoalitionBot.AI;

/// <summary>
/// Reciprocal rank fusion (Cormack et al., 2009): each ranking gives an item 1 / (k + rank); the
/// sums decide. It needs no calibration between BM25 scores and cosine similarities, which live
/// on unrelated scales. k = 60 is the paper's value; ties keep the order of first appearance.
/// </summary>
internal static class ReciprocalRankFusion
{
    public const int K = 60;

    public static IReadOnlyList<TKey> Fuse<TKey>(params IReadOnlyList<TKey>[] rankings) where TKey : notnull
    {
        var scores = new Dictionary<TKey, (double Score, int First)>();
        var seen = 0;
        foreach (var ranking in rankings)
        {
            for (var rank = 0; rank < ranking.Count; rank++)
            {
                var item = ranking[rank];
                var (score, first) = scores.TryGetValue(item, out var known) ? known : (0, seen++);
                scores[item] = (score + (1.0 / (K + rank + 1)), first);
            }
        }
        return scores.OrderByDescending(s => s.Value.Score).ThenBy(s => s.Value.First).Select(s => s.Key).ToList();
    }
}
