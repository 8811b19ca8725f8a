using CoalitionBot.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Benchmarks.Support;

/// <summary>
/// The core's services built as the app builds them (Host.CreateApplicationBuilder, then
/// AddCoalitionBotCore), with the source folder and data folder given as configuration overrides.
/// </summary>
internal sealed class CorpusLibrary : IDisposable
{
    private readonly IHost _host;

    /// <param name="embeddings">AI:Embeddings: None (lexical, the default here) or Local.</param>
    /// <param name="model">With Local: the in-process model to use instead of ArcticXs (MiniLM, for comparison).</param>
    public CorpusLibrary(string sourceFolder, string dataFolder, string embeddings = "None", AI.LocalEmbeddingGenerator? model = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            // Not the working folder: an appsettings.json there must not change what is measured.
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:SourceFolders:0"] = sourceFolder,
            ["DataPath"] = dataFolder,
            ["AI:Embeddings"] = embeddings,
        });
        if (model is not null)
        {
            builder.Services.AddSingleton(model);
        }
        // As the CLI verbs: warnings only, to standard error, so that logging is not part of what is measured.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddCoalitionBotCore();
        _host = builder.Build();
    }

    public KnowledgeIndex Index => Get<KnowledgeIndex>();

    public AnswerService Answers => Get<AnswerService>();

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public void Dispose() => _host.Dispose();
}
