using CoalitionBot.Slack.Tests.Support;
using CoalitionBot.Slack.WebApi;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Slack.Tests.WebApi;

/// <summary>A <see cref="SlackApiClient"/> against its own <see cref="FakeSlackWebApi"/>, on a fake clock.</summary>
internal sealed class SlackApiHarness : IAsyncDisposable
{
    public const string BotToken = "xoxb-test-bot-token";
    public const string AppToken = "xapp-test-app-token";

    private readonly HttpClient _http;

    private SlackApiHarness(FakeSlackWebApi api, SlackOptions options, HttpClient http)
    {
        Api = api;
        Options = options;
        _http = http;
        Client = new SlackApiClient(http, Microsoft.Extensions.Options.Options.Create(options), Time, NullLogger<SlackApiClient>.Instance);
    }

    public FakeSlackWebApi Api { get; }

    public SlackOptions Options { get; }

    public WatchedTimeProvider Time { get; } = new();

    public SlackApiClient Client { get; }

    public static async Task<SlackApiHarness> StartAsync(Action<SlackOptions>? configure = null, HttpClient? http = null)
    {
        var api = await FakeSlackWebApi.StartAsync();
        var options = new SlackOptions { BotToken = BotToken, AppToken = AppToken, ApiBaseUrl = api.BaseUrl };
        configure?.Invoke(options);
        return new SlackApiHarness(api, options, http ?? new HttpClient());
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Api.DisposeAsync();
    }
}
