using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Tests.Support;

/// <summary>
/// A model server on 127.0.0.1 that speaks the wire formats the real clients use: OpenAI
/// <c>/v1/chat/completions</c> (JSON, and SSE <c>data: {…}</c> … <c>data: [DONE]</c> when streaming),
/// <c>/v1/embeddings</c> (float arrays or base64), and Ollama <c>/api/chat</c> (NDJSON when
/// streaming) and <c>/api/embed</c>. The "model" is a callback, as in M.E.AI's TestChatClient.
/// </summary>
public sealed class FakeModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _chatCalls;
    private int _embeddingCalls;
    private int _embeddedTexts;

    private FakeModelServer(WebApplication app) => _app = app;

    /// <summary>The model: a chat request in, the answer text out. Default: cites passage 1.</summary>
    public Func<ModelChatRequest, string> Reply { get; set; } = _ => "The library answers this [1].";

    /// <summary>The embedding model: one text in, its vector out. Default: <see cref="ConceptEmbedder"/>.</summary>
    public Func<string, float[]> Embed { get; set; } = ConceptEmbedder.Embed;

    /// <summary>Called before each streamed piece is sent (e.g. to advance a fake clock as a real model takes time).</summary>
    public Action<int>? BeforePiece { get; set; }

    /// <summary>What to do instead of answering chat requests: nothing (answer), hang, fail or send garbage.</summary>
    public ModelFault ChatFault { get; set; }

    public ModelFault EmbeddingFault { get; set; }

    public ConcurrentQueue<ModelChatRequest> ChatRequests { get; } = new();

    /// <summary>Completes when a chat request arrives, for tests that act while the model "thinks".</summary>
    public TaskCompletionSource ChatArrived { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int ChatCalls => Volatile.Read(ref _chatCalls);

    public int EmbeddingCalls => Volatile.Read(ref _embeddingCalls);

    /// <summary>Texts embedded so far, over all requests.</summary>
    public int EmbeddedTexts => Volatile.Read(ref _embeddedTexts);

    public Uri BaseAddress { get; private set; } = null!;

    public Uri OpenAIEndpoint => new(BaseAddress, "v1");

    public static async Task<FakeModelServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeModelServer(app);
        app.MapPost("/v1/chat/completions", server.OpenAIChatAsync);
        app.MapPost("/v1/embeddings", server.OpenAIEmbeddingsAsync);
        app.MapPost("/api/chat", server.OllamaChatAsync);
        app.MapPost("/api/embed", server.OllamaEmbedAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Settings that point the bot at this server.</summary>
    public Dictionary<string, string?> Settings(string provider, string? chatModel = "fake-chat", string? embeddingModel = null, string timeout = "00:00:20") => new()
    {
        ["AI:Provider"] = provider,
        ["AI:Endpoint"] = provider == "OpenAI" ? OpenAIEndpoint.ToString() : BaseAddress.ToString(),
        ["AI:ChatModel"] = chatModel,
        ["AI:EmbeddingModel"] = embeddingModel,
        ["AI:ApiKey"] = "test-key",
        ["AI:Timeout"] = timeout,
    };

    private async Task OpenAIChatAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var request = Parse(body!, (body!["stream"]?.GetValue<bool>()) ?? false);
        if (await FaultAsync(context, ChatFault))
        {
            return;
        }
        var text = Answer(request);
        var id = "chatcmpl-" + ChatCalls.ToString(CultureInfo.InvariantCulture);
        if (!request.Stream)
        {
            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["id"] = id, ["object"] = "chat.completion", ["created"] = 1_700_000_000, ["model"] = request.Model,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text },
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
            });
            return;
        }
        context.Response.ContentType = "text/event-stream";
        JsonObject Chunk(JsonObject delta, string? finish) => new()
        {
            ["id"] = id, ["object"] = "chat.completion.chunk", ["created"] = 1_700_000_000, ["model"] = request.Model,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
        };
        foreach (var (piece, i) in Pieces(text).Select((p, i) => (p, i)))
        {
            BeforePiece?.Invoke(i);
            await WriteAsync(context, "data: " + Chunk(new JsonObject { ["role"] = "assistant", ["content"] = piece }, null).ToJsonString() + "\n\n");
        }
        await WriteAsync(context, "data: " + Chunk([], "stop").ToJsonString() + "\n\n");
        await WriteAsync(context, "data: [DONE]\n\n");
    }

    private async Task OllamaChatAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        // Ollama streams unless told "stream": false.
        var request = Parse(body!, (body!["stream"]?.GetValue<bool>()) ?? true);
        if (await FaultAsync(context, ChatFault))
        {
            return;
        }
        var text = Answer(request);
        JsonObject Line(string content, bool done)
        {
            var line = new JsonObject
            {
                ["model"] = request.Model, ["created_at"] = "2026-01-01T00:00:00Z",
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                ["done"] = done,
            };
            if (done)
            {
                line["done_reason"] = "stop";
                line["total_duration"] = 1_000;
                line["prompt_eval_count"] = 10;
                line["eval_count"] = 10;
            }
            return line;
        }
        if (!request.Stream)
        {
            await context.Response.WriteAsJsonAsync(Line(text, true));
            return;
        }
        context.Response.ContentType = "application/x-ndjson";
        foreach (var (piece, i) in Pieces(text).Select((p, i) => (p, i)))
        {
            BeforePiece?.Invoke(i);
            await WriteAsync(context, Line(piece, false).ToJsonString() + "\n");
        }
        await WriteAsync(context, Line("", true).ToJsonString() + "\n");
    }

    private async Task OpenAIEmbeddingsAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var inputs = Inputs(body!["input"]!);
        if (await FaultAsync(context, EmbeddingFault))
        {
            return;
        }
        var base64 = body["encoding_format"]?.GetValue<string>() == "base64";
        var data = new JsonArray();
        foreach (var (input, i) in inputs.Select((t, i) => (t, i)))
        {
            var vector = Embed(input);
            JsonNode embedding = base64
                ? Convert.ToBase64String(vector.SelectMany(BitConverter.GetBytes).ToArray())
                : new JsonArray(vector.Select(v => (JsonNode)v).ToArray());
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }
        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["object"] = "list", ["data"] = data, ["model"] = body["model"]?.GetValue<string>(),
            ["usage"] = new JsonObject { ["prompt_tokens"] = inputs.Count, ["total_tokens"] = inputs.Count },
        });
    }

    private async Task OllamaEmbedAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var inputs = Inputs(body!["input"]!);
        if (await FaultAsync(context, EmbeddingFault))
        {
            return;
        }
        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["model"] = body["model"]?.GetValue<string>(),
            ["embeddings"] = new JsonArray(inputs.Select(i => (JsonNode)new JsonArray(Embed(i).Select(v => (JsonNode)v).ToArray())).ToArray()),
        });
    }

    private List<string> Inputs(JsonNode input)
    {
        var inputs = input is JsonArray array ? array.Select(i => i!.GetValue<string>()).ToList() : [input.GetValue<string>()];
        Interlocked.Increment(ref _embeddingCalls);
        Interlocked.Add(ref _embeddedTexts, inputs.Count);
        return inputs;
    }

    private ModelChatRequest Parse(JsonNode body, bool stream)
    {
        var messages = body["messages"]!.AsArray()
            .Select(m => new ModelMessage(m!["role"]!.GetValue<string>(), Content(m["content"])))
            .ToList();
        var request = new ModelChatRequest(body["model"]?.GetValue<string>() ?? "", messages, stream);
        ChatRequests.Enqueue(request);
        Interlocked.Increment(ref _chatCalls);
        ChatArrived.TrySetResult();
        return request;
    }

    /// <summary>A message's content: a string, or OpenAI's array of parts.</summary>
    private static string Content(JsonNode? content) => content switch
    {
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        null => "",
        _ => content.GetValue<string>(),
    };

    private string Answer(ModelChatRequest request) => Reply(request);

    private static async Task<bool> FaultAsync(HttpContext context, ModelFault fault)
    {
        switch (fault)
        {
            case ModelFault.Hang:
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return true;
            case ModelFault.Error:
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("{\"error\":{\"message\":\"model crashed\"}}");
                return true;
            case ModelFault.Garbage:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("<html>502 Bad Gateway</html>");
                return true;
            default:
                return false;
        }
    }

    /// <summary>Streams in small pieces, as a model does, so that a reader sees partial text.</summary>
    private static IEnumerable<string> Pieces(string text)
    {
        for (var i = 0; i < text.Length; i += 8)
        {
            yield return text.Substring(i, Math.Min(8, text.Length - i));
        }
    }

    private static async Task WriteAsync(HttpContext context, string text)
    {
        await context.Response.WriteAsync(text, Encoding.UTF8, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public enum ModelFault
{
    None,
    Hang,
    Error,
    Garbage,
}

public sealed record ModelMessage(string Role, string Content);

/// <summary>One chat request as the server received it.</summary>
public sealed record ModelChatRequest(string Model, IReadOnlyList<ModelMessage> Messages, bool Stream)
{
    public string System => string.Join("\n", Messages.Where(m => m.Role == "system").Select(m => m.Content));

    public string User => string.Join("\n", Messages.Where(m => m.Role == "user").Select(m => m.Content));
}
