using System.Security.Cryptography;
using System.Text;
using CoalitionBot.Knowledge;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.AI;

/// <summary>
/// One embedding per passage, computed when the index changes (in batches), stored beside the
/// index and reused: a passage whose text did not change is never embedded again, across restarts.
/// If the model server fails, what was computed is kept, search stays lexical for the rest, and
/// the missing passages are tried again later.
/// </summary>
internal sealed partial class PassageEmbeddings(
    KnowledgeIndex index,
    IEmbeddingGenerator<string, Embedding<float>> generator,
    IOptions<AIOptions> options,
    TimeProvider time,
    ILogger<PassageEmbeddings> logger) : IDisposable
{
    /// <summary>How long an incomplete set waits before the missing passages are tried again.</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(5);

    /// <summary>Indexing sends many passages per request; each batch gets this many question timeouts.</summary>
    private const int BatchTimeouts = 10;

    /// <summary>
    /// While a large library is embedded, what is done is written to disk this often (in batches),
    /// so a restart resumes instead of starting over; about half a minute of work for the local model.
    /// </summary>
    private const int SaveEveryBatches = 50;

    /// <summary>Progress is logged about this many times while a large library is embedded.</summary>
    private const int ProgressSteps = 20;

    private readonly SemaphoreSlim _updating = new(1, 1);
    private Snapshot? _current;
    private Task _background = Task.CompletedTask;
    private EmbeddingProgress _progress = new(0, 0, 0, false);

    /// <summary>How far the background embedding is: for /healthz and the logs.</summary>
    public EmbeddingProgress Progress => _progress;

    /// <summary>Brings the embeddings up to date with the index (indexing time); cheap when nothing changed.</summary>
    public Task<IReadOnlyList<EmbeddedPassage>> CurrentAsync(CancellationToken cancellationToken) => UpdateAsync(cancellationToken);

    /// <summary>
    /// The embeddings for a question, never waiting for passages to be embedded: the current set,
    /// or, when the index changed, the last one while an update runs in the background (started
    /// here if nobody runs one). Before the first set exists questions are answered by words.
    /// </summary>
    public Task<IReadOnlyList<EmbeddedPassage>> ForQuestionAsync(CancellationToken deadline)
    {
        if (IsCurrent(_current, index.Version))
        {
            return Task.FromResult(_current!.Passages);
        }
        if (_updating.CurrentCount > 0)
        {
            // Off the request path: the question goes on with what is ready. Failures are logged by BuildAsync.
            _background = Task.Run(() => UpdateAsync(CancellationToken.None), CancellationToken.None);
        }
        return Task.FromResult(_current?.Passages ?? (IReadOnlyList<EmbeddedPassage>)[]);
    }

    /// <summary>The update a question started, if any: tests and shutdown can wait for it.</summary>
    internal Task Background => _background;

    private async Task<IReadOnlyList<EmbeddedPassage>> UpdateAsync(CancellationToken cancellationToken)
    {
        var version = index.Version;
        if (IsCurrent(_current, version))
        {
            return _current!.Passages;
        }
        await _updating.WaitAsync(cancellationToken);
        try
        {
            if (!IsCurrent(_current, version))
            {
                _current = await BuildAsync(version, cancellationToken);
            }
            return _current!.Passages;
        }
        finally
        {
            _updating.Release();
        }
    }

    private bool IsCurrent(Snapshot? snapshot, long version) =>
        snapshot is not null && snapshot.Version == version && (snapshot.Complete || time.GetUtcNow() < snapshot.RetryAt);

    private async Task<Snapshot> BuildAsync(long version, CancellationToken cancellationToken)
    {
        // The local generator names itself (ArcticXs, or MiniLM in the benchmarks): vectors of another model are never reused.
        var model = generator.GetService<LocalEmbeddingGenerator>()?.ModelId ?? options.Value.EmbeddingModelName;
        var path = Path.Combine(index.IndexPath, EmbeddingFile.Name);
        var passages = index.AllPassages()
            .Select(p => (Passage: p, Inputs: Inputs(p).Select(i => (Input: i, Key: Key(i))).ToList()))
            .ToList();
        var texts = passages.SelectMany(p => p.Inputs).DistinctBy(i => i.Key).ToList();
        // After the first build the vectors are in memory; the file is read once per process (it can be large).
        var stored = _current is { } previous ? new Dictionary<string, float[]>(previous.Stored, StringComparer.Ordinal) : EmbeddingFile.Read(path, model);
        // Shortest first: a batch is padded to its longest text, so similar lengths together cost less.
        var missing = texts.Where(t => !stored.ContainsKey(t.Key)).OrderBy(t => t.Input.Length).ToList();
        var computed = 0;
        var complete = true;
        var batches = 0;
        var logEvery = Math.Max(1, missing.Count / ProgressSteps);
        var nextLog = logEvery;
        _progress = new EmbeddingProgress(texts.Count - missing.Count, texts.Count, 0, false);
        if (missing.Count > options.Value.EmbeddingBatchSize)
        {
            Log.Started(logger, model, missing.Count, texts.Count);
        }
        foreach (var batch in missing.Chunk(options.Value.EmbeddingBatchSize))
        {
            try
            {
                using var deadline = new QuestionDeadline(options.Value.Timeout * BatchTimeouts, time, cancellationToken);
                var embeddings = await generator.GenerateAsync(batch.Select(p => p.Input), cancellationToken: deadline.Token);
                if (embeddings.Count != batch.Length || embeddings.Any(e => e.Vector.Length == 0))
                {
                    throw new InvalidDataException($"The embedding model returned {embeddings.Count} vectors for {batch.Length} passages.");
                }
                for (var i = 0; i < batch.Length; i++)
                {
                    stored[batch[i].Key] = embeddings[i].Vector.ToArray();
                }
                computed += batch.Length;
                _progress = new EmbeddingProgress(texts.Count - missing.Count + computed, texts.Count, computed, false);
                if (++batches % SaveEveryBatches == 0)
                {
                    EmbeddingFile.Write(path, model, stored);
                }
                if (computed >= nextLog && computed < missing.Count)
                {
                    Log.Progress(logger, model, texts.Count - missing.Count + computed, texts.Count);
                    nextLog += logEvery;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped (shutdown, or a question's deadline): keep what was computed, then stop.
                complete = false;
                break;
            }
            catch (Exception e)
            {
                // The model server is a boundary: keep what was computed and stay lexical for the rest.
                Log.Failed(logger, e, model, missing.Count - computed, e.GetType().Name);
                complete = false;
                break;
            }
        }
        var keys = texts.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var stale = stored.Keys.Where(k => !keys.Contains(k)).ToList();
        foreach (var key in stale)
        {
            stored.Remove(key);
        }
        if (computed > 0 || stale.Count > 0 || !File.Exists(path))
        {
            EmbeddingFile.Write(path, model, stored);
        }
        cancellationToken.ThrowIfCancellationRequested();
        Log.Updated(logger, model, computed, texts.Count - computed, stale.Count);
        _progress = new EmbeddingProgress(texts.Count - missing.Count + computed, texts.Count, computed, complete);
        var embedded = passages
            .Where(p => stored.ContainsKey(p.Inputs[0].Key))
            .Select(p => new EmbeddedPassage(
                p.Passage,
                Normalized(stored[p.Inputs[0].Key]),
                p.Inputs.Skip(1).Where(i => stored.ContainsKey(i.Key)).Select(i => Normalized(stored[i.Key])).ToArray()))
            .ToList();
        return new Snapshot(version, embedded, complete, time.GetUtcNow() + RetryAfter, stored);
    }

    /// <summary>Sentences shorter than this are not embedded on their own (headings, "Case study").</summary>
    private const int MinUnitLength = 25;

    /// <summary>
    /// What is embedded: the passage as a whole (where it stands and what it says), then each of
    /// its sentences, a bullet together with its lead-in ("… include: Generating funds …"). A
    /// question that asks about one bullet is closer to that bullet than to the whole list.
    /// </summary>
    internal static IEnumerable<string> Inputs(Passage passage)
    {
        yield return passage.Title + "\n" + passage.Section + "\n" + passage.Text;
        var sentences = Knowledge.SentenceSplitter.Split(passage.Text).ToList();
        if (sentences.Count < 2)
        {
            yield break;
        }
        string? leadIn = null;
        foreach (var sentence in sentences)
        {
            if (sentence.StartsWith('•'))
            {
                yield return (leadIn is null ? passage.Section : leadIn) + " " + sentence.TrimStart('•', ' ');
                continue;
            }
            leadIn = sentence.TrimEnd().EndsWith(':') ? sentence : null;
            if (sentence.Length >= MinUnitLength)
            {
                yield return passage.Section + ": " + sentence;
            }
        }
    }

    private static string Key(string input) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input)));

    internal static float[] Normalized(ReadOnlySpan<float> vector)
    {
        var result = vector.ToArray();
        var norm = Math.Sqrt(Dot(result, result));
        if (norm > 0)
        {
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = (float)(result[i] / norm);
            }
        }
        return result;
    }

    /// <summary>SIMD dot product: a question is compared with every passage and sentence of the library.</summary>
    internal static double Dot(float[] a, float[] b)
    {
        var length = Math.Min(a.Length, b.Length);
        var sum = System.Numerics.Vector<float>.Zero;
        var i = 0;
        for (; i <= length - System.Numerics.Vector<float>.Count; i += System.Numerics.Vector<float>.Count)
        {
            sum += new System.Numerics.Vector<float>(a, i) * new System.Numerics.Vector<float>(b, i);
        }
        double total = System.Numerics.Vector.Sum(sum);
        for (; i < length; i++)
        {
            total += (double)a[i] * b[i];
        }
        return total;
    }

    public void Dispose() => _updating.Dispose();

    /// <param name="Stored">The vectors by input hash, as in the file: the next update starts from them instead of re-reading it.</param>
    private sealed record Snapshot(long Version, IReadOnlyList<EmbeddedPassage> Passages, bool Complete, DateTimeOffset RetryAt, IReadOnlyDictionary<string, float[]> Stored);

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Information, "Embedding {Missing} of {Total} passages with {Model} in the background; until then questions are answered by words")]
        public static partial void Started(ILogger logger, string model, int missing, int total);

        [LoggerMessage(LogLevel.Information, "Embeddings with {Model}: {Done}/{Total} passages")]
        public static partial void Progress(ILogger logger, string model, int done, int total);

        [LoggerMessage(LogLevel.Information, "Embeddings with {Model}: {Computed} computed, {Reused} reused, {Removed} removed")]
        public static partial void Updated(ILogger logger, string model, int computed, int reused, int removed);

        [LoggerMessage(LogLevel.Warning, "Embedding model {Model} failed with {ErrorType}; {Missing} passages stay without embeddings for now")]
        public static partial void Failed(ILogger logger, Exception exception, string model, int missing, string errorType);
    }
}

/// <summary>
/// How many of the texts to embed (passages and their sentences) have an embedding;
/// <paramref name="Computed"/> of them by the latest update (the rest came from the cache);
/// <paramref name="Complete"/> once all that could be embedded are.
/// </summary>
public sealed record EmbeddingProgress(int Done, int Total, int Computed, bool Complete);

/// <summary>A passage, its unit-length embedding, and those of its sentences (bullets with their lead-in).</summary>
internal sealed record EmbeddedPassage(Passage Passage, float[] Vector, float[][] Sentences);
