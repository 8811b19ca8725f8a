using CoalitionBot.Knowledge;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.AI;

/// <summary>
/// Ranks passages by the cosine similarity of their embedding to the question's. Only passages
/// at or above AI:MinSimilarity are returned: similarity always has a nearest passage, even for
/// "who won the world cup?", so below the threshold nothing counts as found by meaning.
/// </summary>
internal sealed partial class SemanticSearch(
    PassageEmbeddings embeddings,
    IEmbeddingGenerator<string, Embedding<float>> generator,
    IOptions<AIOptions> options,
    IOptions<Knowledge.KnowledgeOptions> knowledge,
    ILogger<SemanticSearch> logger)
{
    public Task UpdateAsync(CancellationToken cancellationToken) => embeddings.CurrentAsync(cancellationToken);

    /// <summary>The embedding model's name.</summary>
    public string Model => options.Value.EmbeddingModelName;

    /// <summary>
    /// True with the local model: every candidate is returned with its similarity and
    /// HybridRanking decides, with thresholds measured for that model. A model server's
    /// similarities live on another scale, so there AI:MinSimilarity filters here.
    /// </summary>
    public bool Fuses => options.Value.EffectiveEmbeddings == EmbeddingSource.Local;

    /// <summary>Similarity from which a passage answers by meaning alone (AI:MinSimilarity).</summary>
    public double MeaningAlone => options.Value.EffectiveMinSimilarity;

    /// <summary>How far passage embeddings are.</summary>
    public EmbeddingProgress Progress => embeddings.Progress;

    /// <summary>Passages similar to the question, best first; empty when the model fails (a warning is logged).</summary>
    public Task<IReadOnlyList<SimilarPassage>> RankAsync(string question, CancellationToken deadline, CancellationToken cancellationToken) =>
        RankAsync(question, LibraryScope.Everything, deadline, cancellationToken);

    /// <summary>Passages of <paramref name="scope"/> similar to the question, best first.</summary>
    public async Task<IReadOnlyList<SimilarPassage>> RankAsync(string question, LibraryScope scope, CancellationToken deadline, CancellationToken cancellationToken)
    {
        try
        {
            var passages = await embeddings.ForQuestionAsync(deadline);
            if (passages.Count == 0)
            {
                return [];
            }
            // Asymmetric models (ArcticXs) were trained with an instruction in front of queries, not of passages.
            var prefix = generator.GetService<LocalEmbeddingGenerator>()?.QueryPrefix ?? "";
            var embedding = await generator.GenerateAsync(prefix + question, cancellationToken: deadline);
            var vector = PassageEmbeddings.Normalized(embedding.Vector.Span);
            return passages
                .Where(p => p.Vector.Length == vector.Length && scope.Includes(p.Passage.Collection))
                .Select(p => Similar(p, vector))
                .Where(p => Fuses || p.Similarity >= options.Value.EffectiveMinSimilarity)
                .OrderByDescending(p => p.Similarity)
                .Take(knowledge.Value.Candidates)
                .ToList();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.TimedOut(logger, options.Value.EmbeddingModel, options.Value.Timeout.TotalSeconds);
            return [];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.Failed(logger, e, options.Value.EmbeddingModel, e.GetType().Name);
            return [];
        }
    }

    /// <summary>
    /// Weight of the best sentence's similarity (a bullet with its lead-in) against the whole
    /// passage's. Measured on the own paraphrase set: 0 → hit@1 0.875, 0.5 → 0.90 (README, "Hybrid ranking").
    /// </summary>
    internal const double SentenceShare = 0.5;

    /// <summary>A passage is as close to the question as its whole text, or halfway to its closest sentence when that is closer.</summary>
    private static SimilarPassage Similar(EmbeddedPassage passage, float[] question)
    {
        var whole = PassageEmbeddings.Dot(question, passage.Vector);
        var sentence = passage.Sentences.Length == 0 ? whole : passage.Sentences.Max(s => PassageEmbeddings.Dot(question, s));
        return new SimilarPassage(passage.Passage, ((1 - SentenceShare) * whole) + (SentenceShare * Math.Max(whole, sentence)));
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Warning, "Embedding model {Model} did not answer within {TimeoutSeconds} s; searched by words only")]
        public static partial void TimedOut(ILogger logger, string? model, double timeoutSeconds);

        [LoggerMessage(LogLevel.Warning, "Embedding model {Model} failed with {ErrorType}; searched by words only")]
        public static partial void Failed(ILogger logger, Exception exception, string? model, string errorType);
    }
}

/// <summary>A passage and its cosine similarity to the question.</summary>
internal sealed record SimilarPassage(Knowledge.Passage Passage, double Similarity);
