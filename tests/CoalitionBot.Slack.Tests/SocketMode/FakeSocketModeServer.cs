using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Slack.Tests.SocketMode;

/// <summary>
/// Slack's Socket Mode endpoint on a real loopback Kestrel: accepts WebSockets on <c>/link?ticket=N</c>,
/// sends <c>hello</c> (unless told not to) and hands each link to the test as a <see cref="FakeLink"/>.
/// </summary>
internal sealed class FakeSocketModeServer : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private readonly Channel<FakeLink> _links = Channel.CreateUnbounded<FakeLink>();
    private readonly List<FakeLink> _all = [];
    private readonly Lock _lock = new();

    private FakeSocketModeServer(WebApplication app) => _app = app;

    public int Port { get; private set; }

    /// <summary>When false, new links get no hello until the test sends one.</summary>
    public bool SendHello { get; set; } = true;

    public int Connections
    {
        get
        {
            lock (_lock)
            {
                return _all.Count;
            }
        }
    }

    public static async Task<FakeSocketModeServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeSocketModeServer(app);
        app.UseWebSockets();
        app.Run(server.AcceptAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Port = new Uri(address).Port;
        return server;
    }

    public Uri Url(int ticket) => new($"ws://127.0.0.1:{Port}/link?ticket={ticket}");

    /// <summary>The next link the client opened (hello already sent, unless <see cref="SendHello"/> is false).</summary>
    public async Task<FakeLink> NextLinkAsync() => await _links.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    private async Task AcceptAsync(HttpContext context)
    {
        if (context.Request.Path != "/link" || !context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        FakeLink link;
        lock (_lock)
        {
            link = new FakeLink(socket, _all.Count + 1, context.Request.Query["ticket"].ToString(), _all.Count(l => !l.Closed.IsCompleted));
            _all.Add(link);
        }
        if (SendHello)
        {
            await link.SendHelloAsync();
        }
        _links.Writer.TryWrite(link);
        await link.ReceiveUntilClosedAsync(context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            foreach (var link in _all)
            {
                link.Abort();
            }
        }
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
