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
    }

    /// <summary>Waits for the start-up indexing, so a test never depends on timing.</summary>
    public async Task<HttpClient> ReadyClientAsync()
    {
        var client = CreateClient();
        await Services.GetRequiredService<KnowledgeIndex>().WhenReadyAsync(CancellationToken.None);
        return client;
    }

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
