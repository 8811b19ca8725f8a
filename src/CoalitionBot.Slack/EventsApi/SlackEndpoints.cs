using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace CoalitionBot.Slack.EventsApi;

/// <summary>
/// Slack over HTTP: /slack/events, /slack/commands, /slack/interactivity. The signature is checked
/// on the raw body before anything else (401, nothing done); then the request is acked at once and
/// the work queued, because Slack retries after 3 seconds.
/// </summary>
public static class SlackEndpoints
{
    private const int MaxBody = 1 << 20;

    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder app)
    {
        var slack = app.MapGroup("/slack");
        slack.MapPost("/events", (HttpContext context, SlackRequestVerifier verifier, SlackWorkQueue queue) =>
            HandleAsync(context, verifier, body =>
            {
                var root = JsonSerializer.Deserialize<JsonElement>(body);
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new JsonException("not an object");
                }
                if (root.TryGetProperty("type", out var type) && type.ValueEquals("url_verification"))
                {
                    return Results.Json(new { challenge = root.TryGetProperty("challenge", out var c) ? c.GetString() : "" });
                }
                queue.Enqueue(new SlackInbound(SlackInboundKind.Event, root, RetryNum(context)));
                return Results.Ok();
            }));
        slack.MapPost("/commands", (HttpContext context, SlackRequestVerifier verifier, SlackWorkQueue queue, SlackDispatcher dispatcher) =>
            HandleAsync(context, verifier, body =>
            {
                var fields = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
                if (fields.ContainsKey("ssl_check"))
                {
                    return Results.Ok();
                }
                var command = new JsonObject();
                foreach (var (key, value) in fields)
                {
                    command[key] = value.ToString();
                }
                var inbound = new SlackInbound(SlackInboundKind.SlashCommand, JsonSerializer.SerializeToElement(command), RetryNum(context));
                var ack = dispatcher.Acknowledge(inbound);
                queue.Enqueue(inbound);
                return ack is null ? Results.Ok() : Results.Json(ack);
            }));
        slack.MapPost("/interactivity", (HttpContext context, SlackRequestVerifier verifier, SlackWorkQueue queue, SlackDispatcher dispatcher) =>
            HandleAsync(context, verifier, body =>
            {
                var fields = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
                var payload = JsonSerializer.Deserialize<JsonElement>(fields.TryGetValue("payload", out var p) ? p.ToString() : "");
                var inbound = new SlackInbound(SlackInboundKind.Interaction, payload, RetryNum(context));
                var ack = dispatcher.Acknowledge(inbound);
                queue.Enqueue(inbound);
                return ack is null ? Results.Ok() : Results.Json(ack);
            }));
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, SlackRequestVerifier verifier, Func<byte[], IResult> handle)
    {
        var body = await ReadBodyAsync(context.Request);
        if (body is null)
        {
            return Results.Json(new { error = "The request body is too large." }, statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        var headers = context.Request.Headers;
        if (!verifier.IsValid(headers["X-Slack-Request-Timestamp"], headers["X-Slack-Signature"], body))
        {
            return Results.Json(new { error = "The Slack signature is missing, wrong or too old." }, statusCode: StatusCodes.Status401Unauthorized);
        }
        try
        {
            return handle(body);
        }
        catch (JsonException)
        {
            return Results.Json(new { error = "The body is not the JSON Slack sends." }, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBody)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static int RetryNum(HttpContext context) =>
        int.TryParse(context.Request.Headers["X-Slack-Retry-Num"], out var retry) ? retry : 0;
}
