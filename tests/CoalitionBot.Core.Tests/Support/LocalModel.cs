using CoalitionBot.AI;

namespace CoalitionBot.Tests.Support;

/// <summary>
/// One ArcticXs model for every test that needs the real one: loading it takes a second or two
/// and a few hundred MB, so the tests in <see cref="LocalModelCollection"/> share this instance.
/// </summary>
public sealed class LocalModel : IDisposable
{
    public LocalEmbeddingGenerator Generator { get; } = LocalEmbeddingGenerator.ArcticXs();

    public void Dispose() => Generator.Dispose();
}

[CollectionDefinition(Name)]
public sealed class LocalModelCollection : ICollectionFixture<LocalModel>
{
    public const string Name = "Local embedding model";
}
