using CoalitionBot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Teams.Tests.Support;

/// <summary>
/// The real host (Program.cs) over a temp copy of the seeds and a temp data folder; Teams unauthenticated unless an
/// app id is given; the given clock instead of the system's.
/// </summary>
public sealed class TeamsHost(string? microsoftAppId = null, IReadOnlyDictionary<string, string>? settings = null, TimeProvider? time = null) : WebApplicationFactory<Program>
{
    private readonly TempFolder _seeds = TempFolder.WithSeeds();
    private readonly TempFolder _data = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("DataPath", _data.Path);
        builder.UseSetting("Knowledge:SourceFolders:0", _seeds.Path);
        builder.UseSetting("AI:Embeddings", "None");   // lexical: no model load per host; the local model has its own tests
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        if (time is not null)
        {
            // Registered after the app's own services, so it replaces TimeProvider.System everywhere (the delivery worker's timer too).
            builder.ConfigureTestServices(services => services.AddSingleton(time));
        }
        if (microsoftAppId is not null)
        {
            builder.UseSetting("Teams:MicrosoftAppId", microsoftAppId);
            builder.UseSetting("Teams:MicrosoftAppPassword", "not-a-real-secret");
            // The fake Bot Connector on loopback stands in for Bot Framework's hosts.
            builder.UseSetting("Teams:AllowedServiceUrls:0", "127.0.0.1");
        }
    }

    /// <summary>
    /// <paramref name="settings"/> with Teams' send pacing off: pacing is TeamsPacerTests' subject; elsewhere it only
    /// makes sends and retries slow, and with a fake clock it would wait forever.
    /// </summary>
    public static Dictionary<string, string> Unpaced(Dictionary<string, string>? settings = null) =>
        new(settings ?? [])
        {
            ["Teams:ConversationSendInterval"] = "00:00:00",
            ["Teams:ProactiveCallsPerSecond"] = "0",
        };

    /// <summary>Starts the host and waits until the index is ready.</summary>
    public async Task<HttpClient> StartAsync()
    {
        var client = CreateClient();
        await Services.GetRequiredService<CoalitionBot.Knowledge.KnowledgeIndex>().WhenReadyAsync(CancellationToken.None);
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
