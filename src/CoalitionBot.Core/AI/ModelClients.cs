using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OllamaSharp;
using OpenAI;

namespace CoalitionBot.AI;

/// <summary>
/// The provider's own clients, adapted to Microsoft.Extensions.AI: OpenAI-compatible endpoints
/// through the OpenAI library, Ollama through OllamaSharp. The HttpClient comes from the factory;
/// timeouts and retries are ours (AI:Timeout), not the libraries', so a slow server never makes a
/// person wait three retries.
/// </summary>
internal static class ModelClients
{
    public const string HttpClientName = "AI";

    /// <summary>The libraries' own timeouts only catch what our deadline does not (indexing batches).</summary>
    private static readonly TimeSpan LibraryTimeout = TimeSpan.FromMinutes(10);

    public static IChatClient Chat(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<AIOptions>>().Value;
        return options.Provider switch
        {
            AIProvider.OpenAI => OpenAI(services, options).GetChatClient(options.ChatModel).AsIChatClient(),
            AIProvider.Ollama => new OllamaApiClient(Http(services, options), options.ChatModel!),
            _ => throw new InvalidOperationException("AI:Provider is None, so there is no chat model; set AI:Provider to OpenAI or Ollama."),
        };
    }

    public static IEmbeddingGenerator<string, Embedding<float>> Embeddings(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<AIOptions>>().Value;
        return options.Provider switch
        {
            AIProvider.OpenAI => OpenAI(services, options).GetEmbeddingClient(options.EmbeddingModel).AsIEmbeddingGenerator(),
            AIProvider.Ollama => new OllamaApiClient(Http(services, options), options.EmbeddingModel!),
            _ => throw new InvalidOperationException("AI:Provider is None, so there is no embedding model; set AI:Provider to OpenAI or Ollama."),
        };
    }

    private static OpenAIClient OpenAI(IServiceProvider services, AIOptions options) => new(
        // Local OpenAI-compatible servers (vLLM, LM Studio, llama.cpp) need no key, but the library insists on one.
        new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "no-key" : options.ApiKey),
        new OpenAIClientOptions
        {
            Endpoint = options.EffectiveEndpoint,
            Transport = new HttpClientPipelineTransport(Http(services, options)),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = LibraryTimeout,
        });

    private static HttpClient Http(IServiceProvider services, AIOptions options)
    {
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        var endpoint = options.EffectiveEndpoint;
        http.BaseAddress = endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
        http.Timeout = LibraryTimeout;
        return http;
    }
}
