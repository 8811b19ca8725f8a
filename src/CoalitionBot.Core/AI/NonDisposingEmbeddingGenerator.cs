using Microsoft.Extensions.AI;

namespace CoalitionBot.AI;

/// <summary>
/// The pipeline's view of the local model: disposing the pipeline leaves the model to its owner
/// (the container's <see cref="LocalEmbeddingGenerator"/> singleton, or a test's shared instance).
/// </summary>
internal sealed class NonDisposingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner) : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    protected override void Dispose(bool disposing)
    {
        // The inner generator is not ours to dispose.
    }
}
