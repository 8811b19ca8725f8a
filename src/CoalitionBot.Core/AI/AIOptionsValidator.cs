using Microsoft.Extensions.Options;

namespace CoalitionBot.AI;

/// <summary>A provider without a model, or an endpoint that is not http(s), is a configuration mistake: say how to fix it.</summary>
internal sealed class AIOptionsValidator : IValidateOptions<AIOptions>
{
    public ValidateOptionsResult Validate(string? name, AIOptions options)
    {
        if (options.Embeddings == EmbeddingSource.Provider && (options.Provider == AIProvider.None || string.IsNullOrWhiteSpace(options.EmbeddingModel)))
        {
            return ValidateOptionsResult.Fail("AI:Embeddings is Provider, which needs AI:Provider (OpenAI or Ollama) and AI:EmbeddingModel; set them, or set AI:Embeddings to Local (in-process, the default) or None.");
        }
        if (options.Provider == AIProvider.None)
        {
            return ValidateOptionsResult.Success;
        }
        if (string.IsNullOrWhiteSpace(options.ChatModel) && string.IsNullOrWhiteSpace(options.EmbeddingModel))
        {
            return ValidateOptionsResult.Fail($"AI:Provider is {options.Provider} but neither AI:ChatModel nor AI:EmbeddingModel is set; set one (e.g. AI:ChatModel=llama3.2) or set AI:Provider to None.");
        }
        if (options.Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("http" or "https")))
        {
            return ValidateOptionsResult.Fail($"AI:Endpoint '{endpoint}' must be an absolute http or https address, e.g. http://localhost:11434.");
        }
        return ValidateOptionsResult.Success;
    }
}
