using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Teams.Tests.Support;

/// <summary>
/// The Bot Connector REST API on a loopback Kestrel server, as the serviceUrl of posted activities:
/// it records <c>POST /v3/conversations</c> (create), <c>POST /v3/conversations/{id}/activities[/{replyToId}]</c> and
/// <c>PUT …/activities/{id}</c>, and answers each with a resource id, or with a scripted error status; it also
/// serves rosters (<c>GET …/pagedmembers</c>, recorded with the continuation token as the activity id).
/// </summary>
public sealed class FakeBotConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorCall> _calls = new();
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _script = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly ConcurrentDictionary<string, JsonObject[][]> _rosters = new(StringComparer.Ordinal);
    private int _ids;

    private FakeBotConnector()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        _app = builder.Build();
        _app.MapPost("/v3/conversations", (HttpRequest request) => RecordAsync(request, CreateConversation, null));
        _app.MapPost("/v3/conversations/{conversationId}/activities/{activityId?}", (HttpRequest request, string conversationId, string? activityId) => RecordAsync(request, conversationId, activityId));
        _app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (HttpRequest request, string conversationId, string activityId) => RecordAsync(request, conversationId, activityId));
        _app.MapGet("/v3/conversations/{conversationId}/pagedmembers", (HttpRequest request, string conversationId) => PagedMembers(request, Uri.UnescapeDataString(conversationId)));
    }

    /// <summary>
    /// The roster GET …/pagedmembers answers for <paramref name="conversationId"/>: one page per array, each but the
    /// last with a continuationToken naming the next page.
    /// </summary>
    public FakeBotConnector Members(string conversationId, params JsonObject[][] pages)
    {
        _rosters[conversationId] = pages;
        return this;
    }

    /// <summary>The conversation id recorded for <c>POST /v3/conversations</c> (create a conversation).</summary>
    public const string CreateConversation = "(create)";

    /// <summary>The id the fake gives a conversation the bot creates.</summary>
    public const string CreatedConversationId = "a:1created-personal";

    /// <summary>The serviceUrl to put in activities, ending with a slash as Teams' do.</summary>
    public string ServiceUrl { get; private set; } = "";

    public IReadOnlyList<ConnectorCall> Calls => [.. _calls];

    public static async Task<FakeBotConnector> StartAsync()
    {
        var connector = new FakeBotConnector();
        await connector._app.StartAsync();
        var address = connector._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        connector.ServiceUrl = address.TrimEnd('/') + "/";
        return connector;
    }

    /// <summary>Answers the next call with <paramref name="status"/> (and Retry-After, unless null) instead of success.</summary>
    public FakeBotConnector ReplyNext(int status, string? retryAfter = null)
    {
        _script.Enqueue((status, retryAfter));
        return this;
    }

    /// <summary>Waits (bounded) until <paramref name="count"/> calls have arrived in total.</summary>
    public async Task<IReadOnlyList<ConnectorCall>> WaitForCallsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (_calls.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                throw new TimeoutException($"Expected {count} connector calls, got {_calls.Count}");
            }
        }
        return Calls;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }

    private IResult PagedMembers(HttpRequest request, string conversationId)
    {
        var token = request.Query["continuationToken"].ToString();
        var scripted = _script.TryDequeue(out var next);
        _calls.Enqueue(new ConnectorCall("GET", conversationId, token.Length == 0 ? null : token, [], scripted ? next.Status : _rosters.ContainsKey(conversationId) ? 200 : 404));
        _arrived.Release();
        if (scripted)
        {
            return Results.Json(new { error = new { code = "Scripted", message = $"scripted {next.Status}" } }, statusCode: next.Status);
        }
        if (!_rosters.TryGetValue(conversationId, out var pages))
        {
            return Results.Json(new { error = new { code = "ConversationNotFound", message = "no such conversation" } }, statusCode: 404);
        }
        var index = token.Length == 0 ? 0 : int.Parse(token, System.Globalization.CultureInfo.InvariantCulture);
        var page = new JsonObject { ["members"] = new JsonArray(pages[index].Select(m => (JsonNode?)m.DeepClone()).ToArray()) };
        if (index + 1 < pages.Length)
        {
            page["continuationToken"] = (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return Results.Json(page);
    }

    private async Task<IResult> RecordAsync(HttpRequest request, string conversationId, string? activityId)
    {
        var body = await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
        var scripted = _script.TryDequeue(out var next);
        var id = scripted ? null : conversationId == CreateConversation ? CreatedConversationId : request.Method == "PUT" ? activityId : $"reply-{Interlocked.Increment(ref _ids)}";
        _calls.Enqueue(new ConnectorCall(request.Method, Uri.UnescapeDataString(conversationId), activityId is null ? null : Uri.UnescapeDataString(activityId), body, scripted ? next.Status : 200, id));
        _arrived.Release();
        if (scripted)
        {
            if (next.RetryAfter is not null)
            {
                request.HttpContext.Response.Headers.RetryAfter = next.RetryAfter;
            }
            return Results.Json(new { error = new { code = "Scripted", message = $"scripted {next.Status}" } }, statusCode: next.Status);
        }
        return Results.Json(new { id });
    }
}

/// <summary>
/// One call the bot made: the method, the conversation and activity ids from the path, the activity sent, the status it
/// got, and the id the fake answered with (a sent message's id; the new conversation's id for a create).
/// </summary>
public sealed record ConnectorCall(string Method, string ConversationId, string? ActivityId, JsonObject Activity, int Status, string? ResponseId = null)
{
    /// <summary>The first attachment's content, the Adaptive Card.</summary>
    public JsonObject? Card => Attachment?["content"] as JsonObject;

    public string? ContentType => Attachment?["contentType"]?.GetValue<string>();

    private JsonNode? Attachment => Activity["attachments"] is JsonArray { Count: > 0 } attachments ? attachments[0] : null;

    /// <summary>The text of a plain message (null for a card).</summary>
    public string? Text => Activity["text"]?.GetValue<string>();
}
