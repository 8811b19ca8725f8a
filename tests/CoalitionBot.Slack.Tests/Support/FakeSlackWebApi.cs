using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Slack.Tests.Support;

/// <summary>
/// A Slack Web API on a real loopback Kestrel server: <c>POST {BaseUrl}{method}</c>. It records every
/// call and answers from a per-method queue of scripted replies; with nothing scripted it answers
/// <c>{"ok":true}</c> (chat.postMessage also echoes the channel and a fresh ts).
/// </summary>
public sealed class FakeSlackWebApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedReply>> _script = new(StringComparer.Ordinal);
    private int _ts;

    private FakeSlackWebApi()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        _app = builder.Build();
        _app.MapPost("/api/{method}", HandleAsync);
    }

    /// <summary>Ends with a slash, as <c>Slack:ApiBaseUrl</c> does: <c>http://127.0.0.1:port/api/</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Every call so far, in arrival order.</summary>
    public IReadOnlyList<RecordedCall> Calls => [.. _calls];

    public static async Task<FakeSlackWebApi> StartAsync()
    {
        var api = new FakeSlackWebApi();
        await api._app.StartAsync();
        var address = api._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        api.BaseUrl = address.TrimEnd('/') + "/api/";
        return api;
    }

    public IReadOnlyList<RecordedCall> CallsTo(string method) => [.. _calls.Where(c => c.Method == method)];

    /// <summary>Queues a 200 reply for the next call of <paramref name="method"/>; <c>ok</c> is true unless the body says otherwise.</summary>
    public FakeSlackWebApi ReplyOk(string method, JsonObject? body = null)
    {
        body ??= [];
        body["ok"] ??= true;
        return Enqueue(method, new ScriptedReply(200, body.ToJsonString(), null));
    }

    /// <summary>Queues <c>{"ok":false,"error":…}</c> plus any extra fields.</summary>
    public FakeSlackWebApi ReplyError(string method, string error, JsonObject? extra = null)
    {
        var body = extra ?? [];
        body["ok"] = false;
        body["error"] = error;
        return Enqueue(method, new ScriptedReply(200, body.ToJsonString(), null));
    }

    /// <summary>Queues HTTP 429 with <c>Retry-After</c> (omitted when null).</summary>
    public FakeSlackWebApi ReplyRateLimited(string method, string? retryAfter) =>
        Enqueue(method, new ScriptedReply(429, """{"ok":false,"error":"ratelimited"}""", retryAfter));

    /// <summary>Queues a bare HTTP status, as a proxy or an outage would send.</summary>
    public FakeSlackWebApi ReplyStatus(string method, int status, string body = "") =>
        Enqueue(method, new ScriptedReply(status, body, null));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private FakeSlackWebApi Enqueue(string method, ScriptedReply reply)
    {
        _script.GetOrAdd(method, _ => new()).Enqueue(reply);
        return this;
    }

    private async Task HandleAsync(HttpContext context, string method)
    {
        using var reader = new StreamReader(context.Request.Body);
        var call = new RecordedCall(
            method,
            context.Request.Headers.Authorization.ToString(),
            context.Request.ContentType,
            await reader.ReadToEndAsync(context.RequestAborted));
        _calls.Enqueue(call);

        var reply = _script.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted) ? scripted : DefaultReply(call);
        context.Response.StatusCode = reply.Status;
        if (reply.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = reply.RetryAfter;
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }

    private ScriptedReply DefaultReply(RecordedCall call)
    {
        var body = new JsonObject { ["ok"] = true };
        if (call.Method == "chat.postMessage")
        {
            body["channel"] = call.Json["channel"]?.DeepClone();
            body["ts"] = $"1700000000.{Interlocked.Increment(ref _ts):D6}";
        }
        return new ScriptedReply(200, body.ToJsonString(), null);
    }

    private sealed record ScriptedReply(int Status, string Body, string? RetryAfter);
}

/// <summary>One request the fake received: the method from the path, the Authorization header, and the raw body.</summary>
public sealed record RecordedCall(string Method, string Authorization, string? ContentType, string Body)
{
    /// <summary>The body as JSON (write methods).</summary>
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    /// <summary>The body as form fields (read methods).</summary>
    public IReadOnlyDictionary<string, string> Form =>
        QueryHelpers.ParseQuery(Body).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
}
