using CoalitionBot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Slack.Tests.Support;

/// <summary>The real host (Program.cs) with Slack pointed at a <see cref="FakeSlack"/> on loopback.</summary>
public sealed class SlackHost(
    FakeSlack slack, string? mode = "Socket", string? signingSecret = null, IReadOnlyDictionary<string, string>? settings = null, TimeProvider? time = null, bool appToken = true)
    : WebApplicationFactory<Program>
{
    public const string BotToken = "xoxb-test-bot-token";
    public const string AppToken = "xapp-test-app-token";

    private readonly TempFolder _seeds = TempFolder.WithSeeds();
    private readonly TempFolder _data = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("DataPath", _data.Path);
        builder.UseSetting("Knowledge:SourceFolders:0", _seeds.Path);
        builder.UseSetting("AI:Embeddings", "None");   // lexical: no model load per host; the local model has its own tests
        builder.UseSetting("Slack:BotToken", BotToken);
        if (appToken)
        {
            builder.UseSetting("Slack:AppToken", AppToken);
        }
        if (mode is not null)
        {
            builder.UseSetting("Slack:Mode", mode);
        }
        builder.UseSetting("Slack:ApiBaseUrl", slack.ApiBaseUrl);
        if (signingSecret is not null)
        {
            builder.UseSetting("Slack:SigningSecret", signingSecret);
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        if (time is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(time));
        }
    }

    /// <summary>Starts the host (and with it Socket Mode) and waits until the index is ready.</summary>
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
