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

/// <summary>
/// Optional generative answers and semantic search (section <c>AI</c>). With
/// <see cref="Provider"/> <c>None</c> nothing of this is used and answers stay extractive.
/// </summary>
public sealed class AIOptions
{
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
    /// question's words. Model-dependent: raise it if off-topic questions get answers. Default: 0.75.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinSimilarity { get; set; } = 0.75;

    /// <summary>Passages sent to the embedding model in one request while indexing. Default: 32.</summary>
    [Range(1, 2_048)]
    public int EmbeddingBatchSize { get; set; } = 32;

    /// <summary>Longest generated answer, in tokens. Default: 400.</summary>
    [Range(16, 8_192)]
    public int MaxAnswerTokens { get; set; } = 400;

    internal bool Generates => Provider != AIProvider.None && !string.IsNullOrWhiteSpace(ChatModel);

    internal bool Embeds => Provider != AIProvider.None && !string.IsNullOrWhiteSpace(EmbeddingModel);

    internal Uri EffectiveEndpoint => Endpoint ?? (Provider == AIProvider.Ollama
        ? new Uri("http://localhost:11434")
        : new Uri("https://api.openai.com/v1"));
}
