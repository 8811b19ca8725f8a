using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Slack.Tests.Support;

/// <summary>One call the bot made to the fake Web API (or to a response_url).</summary>
public sealed record SlackCall(string Method, string? Authorization, JsonObject Body);

/// <summary>
/// A Slack workspace on 127.0.0.1 that speaks the real wire protocol: the Web API as JSON/form
/// over HTTP, apps.connections.open handing out a Socket Mode URL, and the Socket Mode WebSocket
/// itself (hello, envelopes, acks, disconnect). Records everything the bot sends.
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SlackCall> _calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string Json, int? RetryAfter)>> _scripted = new();
    private readonly SemaphoreSlim _changed = new(0);
    private readonly ConcurrentQueue<string> _acks = new();
    private readonly ConcurrentDictionary<SlackCall, string> _postedTs = new(ReferenceEqualityComparer.Instance);
    private int _ts;
    private int _connections;
    private WebSocket? _socket;
    private TaskCompletionSource<WebSocket> _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeSlack(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public string ApiBaseUrl => BaseUrl + "/api/";

    public string ResponseUrl(string name) => $"{BaseUrl}/response/{name}";

    public IReadOnlyCollection<SlackCall> Calls => _calls.ToArray();

    public IReadOnlyCollection<string> Acks => _acks.ToArray();

    /// <summary>The ts this fake gave a chat.postMessage call (what the bot stores to thread under it).</summary>
    public string PostedTs(SlackCall post) => _postedTs[post];

    /// <summary>How many Socket Mode connections the bot has opened.</summary>
    public int Connections => _connections;

    public static async Task<FakeSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlack(app);
        app.UseWebSockets();
        app.MapPost("/api/{method}", (string method, HttpContext context) => fake.ApiAsync(method, context));
        app.MapPost("/response/{name}", async (string name, HttpContext context) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body) ?? [];
            fake.Record(new SlackCall("response_url:" + name, null, body));
            return Results.Ok();
        });
        app.Map("/link", fake.LinkAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return fake;
    }

    /// <summary>The next answer to a Web API method, before the defaults (e.g. a 429 with Retry-After).</summary>
    public void Script(string method, int status, string json, int? retryAfter = null) =>
        _scripted.GetOrAdd(method, _ => new()).Enqueue((status, json, retryAfter));

    /// <summary>Waits until a call matching <paramref name="match"/> has been recorded, and returns it.</summary>
    public async Task<SlackCall> WaitForCallAsync(string method, Func<SlackCall, bool>? match = null, int count = 1, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var found = _calls.Where(c => c.Method == method && (match?.Invoke(c) ?? true)).ToList();
            if (found.Count >= count)
            {
                return found[count - 1];
            }
            await _changed.WaitAsync(timeout.Token);
        }
    }

    public async Task WaitForAckAsync(string envelopeId, int count = 1)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (_acks.Count(a => a.Contains(envelopeId, StringComparison.Ordinal)) < count)
        {
            await _changed.WaitAsync(timeout.Token);
        }
    }

    /// <summary>Waits for the bot's Socket Mode connection number <paramref name="number"/> (hello already sent).</summary>
    public async Task WaitForConnectionAsync(int number = 1)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (_connections < number)
        {
            await _changed.WaitAsync(timeout.Token);
        }
        await _connected.Task.WaitAsync(timeout.Token);
    }

    /// <summary>Sends an envelope on the current socket, as Slack does; returns its envelope_id.</summary>
    public async Task<string> SendEnvelopeAsync(string type, JsonObject payload, string? envelopeId = null, bool acceptsResponsePayload = false, int retryAttempt = 0)
    {
        envelopeId ??= Guid.NewGuid().ToString();
        var envelope = new JsonObject
        {
            ["envelope_id"] = envelopeId,
            ["type"] = type,
            ["payload"] = payload,
            ["accepts_response_payload"] = acceptsResponsePayload,
            ["retry_attempt"] = retryAttempt,
            ["retry_reason"] = retryAttempt > 0 ? "timeout" : "",
        };
        await SendFrameAsync(envelope.ToJsonString());
        return envelopeId;
    }

    public async Task SendFrameAsync(string frame)
    {
        var socket = await _connected.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, CancellationToken.None);
    }

    /// <summary>An event_callback body as Slack sends it for a DM or a mention.</summary>
    public static JsonObject EventCallback(JsonObject inner, string? eventId = null) => new()
    {
        ["token"] = "ignored",
        ["team_id"] = "T1",
        ["api_app_id"] = "A1",
        ["type"] = "event_callback",
        ["event_id"] = eventId ?? "Ev" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(),
        ["event_time"] = 1_764_000_000,
        ["event"] = inner,
    };

    public static JsonObject DirectMessage(string text, string user = "U123", string channel = "D123", string ts = "1764000000.000100") => new()
    {
        ["type"] = "message",
        ["channel_type"] = "im",
        ["user"] = user,
        ["text"] = text,
        ["ts"] = ts,
        ["event_ts"] = ts,
        ["channel"] = channel,
    };

    private async Task<IResult> ApiAsync(string method, HttpContext context)
    {
        var body = await ReadBodyAsync(context.Request);
        var call = new SlackCall(method, context.Request.Headers.Authorization.ToString(), body);
        if (method == "chat.postMessage")
        {
            _postedTs[call] = $"1764000100.{Interlocked.Increment(ref _ts):D6}";
        }
        Record(call);
        if (_scripted.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted))
        {
            if (scripted.RetryAfter is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            return Results.Text(scripted.Json, "application/json", statusCode: scripted.Status);
        }
        JsonObject reply = method switch
        {
            "auth.test" => new() { ["ok"] = true, ["user_id"] = "UBOT", ["bot_id"] = "BBOT", ["team_id"] = "T1", ["user"] = "coalitionbot" },
            "apps.connections.open" => new() { ["ok"] = true, ["url"] = $"{BaseUrl.Replace("http", "ws", StringComparison.Ordinal)}/link?ticket={Guid.NewGuid():N}" },
            "chat.postMessage" => new() { ["ok"] = true, ["channel"] = body["channel"]?.GetValue<string>(), ["ts"] = _postedTs[call] },
            "chat.postEphemeral" => new() { ["ok"] = true, ["message_ts"] = $"1764000200.{Interlocked.Increment(ref _ts):D6}" },
            // A DM channel per member, "D" + the user id, so tests can tell whose DM a message went to.
            "conversations.open" => new() { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = "D" + body["users"]?.GetValue<string>() } },
            "conversations.members" => new() { ["ok"] = true, ["members"] = new JsonArray("U1", "U2", "UBOT"), ["response_metadata"] = new JsonObject { ["next_cursor"] = "" } },
            _ => new() { ["ok"] = true },
        };
        return Results.Json(reply);
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            return JsonNode.Parse(text) as JsonObject ?? [];
        }
        var form = new JsonObject();
        foreach (var (key, value) in QueryHelpers.ParseQuery(text))
        {
            form[key] = value.ToString();
        }
        return form;
    }

    private async Task LinkAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var hello = new JsonObject { ["type"] = "hello", ["num_connections"] = 1, ["connection_info"] = new JsonObject { ["app_id"] = "A1" }, ["debug_info"] = new JsonObject { ["approximate_connection_time"] = 18060 } };
        await socket.SendAsync(Encoding.UTF8.GetBytes(hello.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        _socket = socket;
        var previous = _connected;
        if (previous.Task.IsCompleted)
        {
            _connected = new TaskCompletionSource<WebSocket>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        _connected.TrySetResult(socket);
        Interlocked.Increment(ref _connections);
        _changed.Release();
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                _acks.Enqueue(Encoding.UTF8.GetString(buffer, 0, result.Count));
                _changed.Release();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The bot dropped this link (a reconnect): nothing to record.
        }
    }

    /// <summary>Drops the current socket without a close handshake, as a network failure would.</summary>
    public void DropSocket() => _socket?.Abort();

    private void Record(SlackCall call)
    {
        _calls.Enqueue(call);
        _changed.Release();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _changed.Dispose();
    }
}
