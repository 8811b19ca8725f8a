using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Slack.WebApi;

/// <summary>
/// The Slack Web API over a typed <see cref="HttpClient"/>: POST to <c>ApiBaseUrl + method</c> with a
/// bearer token, JSON bodies for writes and form bodies for reads, <c>ok:false</c> as
/// <see cref="SlackApiException"/>, HTTP 429 waited out and retried, and 502/503/504 retried with backoff where a repeat is harmless (chat.update). The typed methods live in one
/// partial file per API family (Chat, Conversations, Users, Auth, Views, Apps).
/// </summary>
[method: ActivatorUtilitiesConstructor]
internal sealed partial class SlackApiClient(
    HttpClient http,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackApiClient> logger,
    ChannelPacer pacer)
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    // Calls that leave Slack as they found it when made twice: rewriting a message or a view to the same content.
    private static readonly HashSet<string> Idempotent = new(StringComparer.Ordinal) { "chat.update", "views.update", "views.publish" };

    /// <summary>A client with a pacer of its own, for use outside the container (the registered client shares one pacer).</summary>
    public SlackApiClient(HttpClient http, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackApiClient> logger)
        : this(http, options, time, logger, new ChannelPacer(options, new SendPacer(time)))
    {
    }

    /// <summary>Calls a write method (<c>chat.*</c>, <c>views.*</c>) with a JSON body and the bot token.</summary>
    public Task<JsonObject> CallAsync(string method, JsonObject arguments, CancellationToken cancellationToken)
    {
        // Serialized once: a retry after 429 sends the same bytes in a fresh HttpContent.
        var json = arguments.ToJsonString();
        return SendAsync(method, BotToken(), () => new StringContent(json, Encoding.UTF8, "application/json"), cancellationToken);
    }

    /// <summary>
    /// Calls a read method (<c>users.info</c>, <c>conversations.members</c>, <c>auth.test</c>…) with a
    /// form body and the bot token. Arrays and objects go in as JSON strings, as Slack expects in forms.
    /// </summary>
    public Task<JsonObject> CallAsync(string method, IReadOnlyDictionary<string, string> arguments, CancellationToken cancellationToken)
    {
        var fields = arguments.ToList();
        return SendAsync(method, BotToken(), () => new FormUrlEncodedContent(fields), cancellationToken);
    }

    private string BotToken() => RequireToken(options.Value.BotToken, "Slack:BotToken", "the bot token (xoxb-…)");

    private string AppToken() => RequireToken(options.Value.AppToken, "Slack:AppToken", "an app-level token (xapp-…) with the connections:write scope");

    private static string RequireToken(string? token, string setting, string what) =>
        string.IsNullOrWhiteSpace(token)
            ? throw new InvalidOperationException($"{setting} is not set. Set it to {what} from the app's Slack settings page.")
            : token;

    private async Task<JsonObject> SendAsync(string method, string token, Func<HttpContent> content, CancellationToken cancellationToken)
    {
        var url = MethodUrl(method);
        var limit = options.Value.RateLimitRetries;
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content() };
            request.Headers.Authorization = new("Bearer", token);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                if (attempt >= limit)
                {
                    Log.RateLimitedGaveUp(logger, method, attempt);
                    throw new SlackApiException(method, "ratelimited");
                }
                var delay = RetryAfter(response);
                Log.RateLimited(logger, method, delay.TotalSeconds, attempt + 1, limit);
                await Task.Delay(delay, time, cancellationToken);
                continue;
            }
            if (response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
                && Idempotent.Contains(method) && attempt < limit)
            {
                // A moment of outage between us and Slack: the same call, a little later (1 s, 2 s, 4 s …), within the retry limit.
                // Only where a repeat cannot duplicate anything: a post that failed at a gateway may have been posted.
                var backoff = DefaultRetryAfter * Math.Pow(2, attempt);
                Log.Unavailable(logger, method, (int)response.StatusCode, backoff.TotalSeconds, attempt + 1, limit);
                await Task.Delay(backoff, time, cancellationToken);
                continue;
            }
            if (response.StatusCode != HttpStatusCode.OK)
            {
                // Slack answers every call with 200 (or 429); anything else came from a proxy or an outage.
                throw new SlackApiException(method, $"http_{(int)response.StatusCode}");
            }
            var body = await ReadBodyAsync(method, response, cancellationToken);
            return Checked(method, body);
        }
    }

    private Uri MethodUrl(string method)
    {
        var baseUrl = options.Value.ApiBaseUrl;
        return new Uri(new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/", UriKind.Absolute), method);
    }

    private TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        var delay = retryAfter?.Delta
            ?? (retryAfter?.Date is { } date ? date - time.GetUtcNow() : DefaultRetryAfter);
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    private static async Task<JsonObject> ReadBodyAsync(string method, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken) as JsonObject
                ?? throw new SlackApiException(method, "invalid_response");
        }
        catch (JsonException e)
        {
            throw new SlackApiException(method, "invalid_response", inner: e);
        }
    }

    private JsonObject Checked(string method, JsonObject body)
    {
        if (body["ok"]?.GetValueKind() != JsonValueKind.True)
        {
            var error = Text(body, "error") ?? "unknown_error";
            Log.CallFailed(logger, method, error);
            throw new SlackApiException(method, error, Text(body, "needed"), Text(body, "provided"), Messages(body));
        }
        var warnings = new List<string>();
        if (Text(body, "warning") is { } warning)
        {
            warnings.Add(warning);
        }
        warnings.AddRange(Strings(body["response_metadata"]?["warnings"]));
        if (warnings.Count > 0)
        {
            Log.Warned(logger, method, string.Join(", ", warnings), string.Join(" ", Messages(body)));
        }
        return body;
    }

    private static IReadOnlyList<string> Messages(JsonObject body) => Strings(body["response_metadata"]?["messages"]);

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array
            ? [.. array.Select(n => n?.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : null).OfType<string>()]
            : [];

    /// <summary>A string property, or null when it is missing or not a string.</summary>
    private static string? Text(JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : null;

    /// <summary>A string property that a successful reply must carry.</summary>
    private static string Required(JsonNode? node, string name, string method) =>
        Text(node, name) ?? throw new SlackApiException(method, "invalid_response", details: [$"the reply has no {name}"]);

    private static bool Flag(JsonNode? node, string name) =>
        node is JsonObject obj && obj[name]?.GetValueKind() == JsonValueKind.True;

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Warning, "Slack rate-limited {Method}; retrying in {RetryAfterSeconds} s (retry {Attempt} of {Limit})")]
        public static partial void RateLimited(ILogger logger, string method, double retryAfterSeconds, int attempt, int limit);

        [LoggerMessage(LogLevel.Warning, "Slack answered {Method} with {StatusCode}; retrying in {RetryAfterSeconds} s (retry {Attempt} of {Limit})")]
        public static partial void Unavailable(ILogger logger, string method, int statusCode, double retryAfterSeconds, int attempt, int limit);

        [LoggerMessage(LogLevel.Warning, "Slack rate-limited {Method} again after {Retries} retries; giving up")]
        public static partial void RateLimitedGaveUp(ILogger logger, string method, int retries);

        [LoggerMessage(LogLevel.Debug, "Slack method {Method} answered ok:false with {Error}")]
        public static partial void CallFailed(ILogger logger, string method, string error);

        [LoggerMessage(LogLevel.Warning, "Slack method {Method} succeeded with warnings {Warnings} {Messages}")]
        public static partial void Warned(ILogger logger, string method, string warnings, string messages);
    }
}
