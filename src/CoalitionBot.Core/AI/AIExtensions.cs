using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.AI;

public static class AIExtensions
{
    /// <summary>
    /// Semantic search and generative answers (section <c>AI</c>). By default (AI:Embeddings
    /// Local, AI:Provider None) questions and passages are embedded in-process and answers stay
    /// extractive; with AI:Embeddings None and no provider this registers nothing but the options.
    /// The model clients are composed as Microsoft.Extensions.AI pipelines: identical prompts are
    /// answered from a cache, and calls are traced (OpenTelemetry) and logged (content only at Trace).
    /// </summary>
    public static IHostApplicationBuilder AddAI(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AIOptions>()
            .BindConfiguration("AI")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AIOptions>, AIOptionsValidator>());

        var provider = builder.Configuration["AI:Provider"];
        if (!string.IsNullOrEmpty(provider) && !Enum.TryParse<AIProvider>(provider, ignoreCase: true, out _))
        {
            throw new InvalidOperationException($"AI:Provider '{provider}' is not one of None, OpenAI (any OpenAI-compatible endpoint) or Ollama.");
        }
        var settings = builder.Configuration.GetSection("AI").Get<AIOptions>() ?? new AIOptions();
        if (!settings.Generates && !settings.Embeds)
        {
            return builder;
        }
        builder.Services.AddDistributedMemoryCache();
        if (settings.Provider != AIProvider.None)
        {
            builder.Services.AddHttpClient(ModelClients.HttpClientName);
        }
        if (settings.Generates)
        {
            builder.Services.AddChatClient(ModelClients.Chat)
                .UseDistributedCache()
                .UseOpenTelemetry(sourceName: TelemetrySource)
                .Use((inner, services) => new LoggingChatClient(inner, Logger<LoggingChatClient>(services)));
            builder.Services.AddSingleton<GroundedAnswerer>();
        }
        if (settings.Embeds)
        {
            // One model per process: tests share one instance by registering it first.
            builder.Services.TryAddSingleton(_ => LocalEmbeddingGenerator.ArcticXs());
            Func<IServiceProvider, IEmbeddingGenerator<string, Embedding<float>>> model = settings.EffectiveEmbeddings == EmbeddingSource.Local
                ? services => new NonDisposingEmbeddingGenerator(services.GetRequiredService<LocalEmbeddingGenerator>())
                : ModelClients.Embeddings;
            builder.Services.AddEmbeddingGenerator(model)
                .UseOpenTelemetry(sourceName: TelemetrySource)
                .Use((inner, services) => new LoggingEmbeddingGenerator<string, Embedding<float>>(inner, Logger<LoggingEmbeddingGenerator<string, Embedding<float>>>(services)));
            builder.Services.AddSingleton<PassageEmbeddings>();
            builder.Services.AddSingleton<SemanticSearch>();
        }
        builder.Services.AddSingleton(services => new AIAnswering(
            services.GetRequiredService<IOptions<AIOptions>>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetService<GroundedAnswerer>(),
            services.GetService<SemanticSearch>()));
        return builder;
    }

    /// <summary>M.E.AI's logging clients, with their "call failed" errors logged as the warnings they are here.</summary>
    private static WarningCeilingLogger Logger<T>(IServiceProvider services) =>
        new(services.GetRequiredService<ILoggerFactory>().CreateLogger<T>());

    /// <summary>The ActivitySource name to add to an OpenTelemetry tracer to see model calls.</summary>
    public const string TelemetrySource = "CoalitionBot.AI";
}
