using CoalitionBot.Knowledge;
using CoalitionBot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Host.Tests.Support;

/// <summary>The real host (Program.cs) over a copy of the seeds and its own data folder.</summary>
public sealed class CoalitionBotApplication(string? sourceFolder = null) : WebApplicationFactory<Program>
{
    private readonly TempFolder _seeds = TempFolder.WithSeeds();
    private readonly TempFolder _data = new();

    public string SourceFolder => sourceFolder ?? _seeds.Path;

    public string DataPath => _data.Path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("DataPath", _data.Path);
        builder.UseSetting("Knowledge:SourceFolders:0", SourceFolder);
        builder.UseSetting("AI:Embeddings", "None");   // lexical: no model load per host; the local model has its own tests
    }

    /// <summary>The Admin:ApiKey of <see cref="WithAdminKey"/>: the coordinator API is off without one.</summary>
    public const string AdminKey = "coordinator-key-for-tests";

    /// <summary>Waits for the start-up indexing, so a test never depends on timing.</summary>
    public Task<HttpClient> ReadyClientAsync() => ReadyClientAsync(this);

    /// <summary>The same for a host derived from this one, which starts and indexes on its own.</summary>
    public static async Task<HttpClient> ReadyClientAsync(WebApplicationFactory<Program> host)
    {
        var client = host.CreateClient();
        await host.Services.GetRequiredService<KnowledgeIndex>().WhenReadyAsync(CancellationToken.None);
        return client;
    }

    /// <summary>This application with <see cref="AdminKey"/> as its Admin:ApiKey.</summary>
    public WebApplicationFactory<Program> WithAdminKey() => WithWebHostBuilder(b => b.UseSetting("Admin:ApiKey", AdminKey));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _seeds.Dispose();
            _data.Dispose();
        }
    }
}
