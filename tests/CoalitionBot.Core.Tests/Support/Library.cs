using CoalitionBot.Knowledge;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoalitionBot.Tests.Support;

/// <summary>
/// The knowledge services as the app wires them (AddCoalitionBotCore), over a source folder of
/// the test's own and a temporary data folder: a real Lucene index on disk.
/// </summary>
public sealed class Library : IDisposable
{
    private readonly IHost _host;
    private readonly TempFolder _data = new();

    public Library(string sourceFolder, IDictionary<string, string?>? settings = null, string? dataPath = null, Action<IServiceCollection>? services = null)
    {
        Source = sourceFolder;
        DataPath = dataPath ?? _data.Path;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataPath"] = DataPath,
            ["Knowledge:SourceFolders:0"] = sourceFolder,
        });
        if (settings is null || !(settings.ContainsKey("AI:Embeddings") || (settings.TryGetValue("AI:EmbeddingModel", out var model) && model is not null)))
        {
            // Lexical unless a test asks for embeddings: the local model is shared (LocalModel), never loaded per test.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["AI:Embeddings"] = "None" });
        }
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        services?.Invoke(builder.Services);
        builder.AddCoalitionBotCore();
        _host = builder.Build();
    }

    public string Source { get; }

    public string DataPath { get; }

    public KnowledgeIndex Index => _host.Services.GetRequiredService<KnowledgeIndex>();

    public AnswerService Answers => _host.Services.GetRequiredService<AnswerService>();

    public PassageSplitter Splitter => _host.Services.GetRequiredService<PassageSplitter>();

    public IServiceProvider Services => _host.Services;

    /// <summary>Builds the index and creates the database, as the server's start-up does.</summary>
    public async Task<Library> StartedAsync()
    {
        Index.Update();
        await using var db = await Services.GetRequiredService<IDbContextFactory<CoalitionDbContext>>().CreateDbContextAsync();
        await db.Database.EnsureCreatedAsync();
        return this;
    }

    public Task<Answer> AskAsync(string question) => Answers.AskAsync(question, CancellationToken.None);

    /// <summary>Builds the index and, with an embedding model, the passage embeddings, as the server's start-up does.</summary>
    public async Task<Library> IndexedAsync()
    {
        Index.Update();
        if (Services.GetService<CoalitionBot.AI.AIAnswering>() is { } ai)
        {
            await ai.UpdateEmbeddingsAsync(CancellationToken.None);
        }
        return this;
    }

    /// <summary>Builds the index and returns the services ready to answer.</summary>
    public Library Indexed()
    {
        Index.Update();
        return this;
    }

    public void Dispose()
    {
        _host.Dispose();
        _data.Dispose();
    }
}
