using System.Text.Json.Nodes;
using System.Threading.Channels;
using CoalitionBot.Slack.SocketMode;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace CoalitionBot.Slack.Tests.SocketMode;

/// <summary>
/// A <see cref="SocketModeClient"/> running against its own <see cref="FakeSocketModeServer"/>, with an
/// inbox that records what it queued and a URL source that counts requests.
/// </summary>
internal sealed class SocketModeHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<SlackInbound> _queued = Channel.CreateUnbounded<SlackInbound>();
    private readonly Func<FakeSocketModeServer, int, Uri> _urls;
    private int _urlRequests;

    private SocketModeHarness(FakeSocketModeServer server, SocketModeOptions options, TimeProvider time, Func<FakeSocketModeServer, int, Uri>? urls, ITestOutputHelper output)
    {
        Server = server;
        _urls = urls ?? ((s, n) => s.Url(n));
        var socketOptions = Options.Create(options);
        Client = new SocketModeClient(
            UrlAsync,
            new ClientWebSocketFactory(socketOptions, TimeProvider.System, new OutputLogger<ClientWebSocketAdapter>(output)),
            new SocketModeInbox(inbound => Acknowledge(inbound), inbound => _queued.Writer.TryWrite(inbound)),
            socketOptions,
            time,
            new OutputLogger<SocketModeClient>(output));
    }

    public FakeSocketModeServer Server { get; }

    public SocketModeClient Client { get; }

    /// <summary>The client's run; completes when it stops.</summary>
    public Task Running { get; private set; } = Task.CompletedTask;

    /// <summary>What the inbox's acknowledge function returns. Default: nothing (a plain ack).</summary>
    public Func<SlackInbound, JsonObject?> Acknowledge { get; set; } = _ => null;

    public int UrlRequests => Volatile.Read(ref _urlRequests);

    /// <param name="urls">The server and the request number (1, 2, …) to a URL; may throw to fail that request. Default: the server's /link?ticket=N.</param>
    public static async Task<SocketModeHarness> StartAsync(
        ITestOutputHelper output, Action<SocketModeOptions>? configure = null, TimeProvider? time = null, Func<FakeSocketModeServer, int, Uri>? urls = null)
    {
        var server = await FakeSocketModeServer.StartAsync();
        // No waiting between reconnects unless a test asks for it: nothing here depends on wall-clock time.
        var options = new SocketModeOptions { InitialReconnectDelay = TimeSpan.Zero, MaxReconnectDelay = TimeSpan.Zero };
        configure?.Invoke(options);
        var harness = new SocketModeHarness(server, options, time ?? TimeProvider.System, urls, output);
        harness.Running = harness.Client.RunAsync(harness._stop.Token);
        return harness;
    }

    /// <summary>The next inbound the client queued.</summary>
    public async Task<SlackInbound> NextQueuedAsync() => await _queued.Reader.ReadAsync().AsTask().WaitAsync(FakeSocketModeServer.Patience);

    /// <summary>Stops the client and waits until it has.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Running.WaitAsync(FakeSocketModeServer.Patience);
    }

    private Task<Uri> UrlAsync(CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _urlRequests);
        return Task.FromResult(_urls(Server, number));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Server.DisposeAsync();
        Client.Dispose();
        _stop.Dispose();
    }
}
