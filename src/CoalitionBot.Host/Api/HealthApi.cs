using CoalitionBot.AI;
using CoalitionBot.Knowledge;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoalitionBot.Host.Api;

internal static class HealthApi
{
    /// <summary>
    /// GET /healthz: 200 with document and passage counts once the index is ready, 503 while it is
    /// being built; with embeddings on, how far they are (questions are answered by words until then).
    /// </summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", Results<Ok<HealthStatus>, JsonHttpResult<HealthStatus>> (KnowledgeIndex index, DocumentReader reader, [FromServices] AIAnswering? ai) =>
        {
            var stats = index.Stats;
            var unreadable = reader.Unreadable.Count;
            var embeddings = ai?.Semantic?.Progress;
            return index.IsReady
                ? TypedResults.Ok(new HealthStatus("ready", stats.Documents, stats.Passages, embeddings) { LastIndexChange = stats.LastChanged, Unreadable = unreadable })
                : TypedResults.Json(new HealthStatus("indexing", stats.Documents, stats.Passages, embeddings) { LastIndexChange = stats.LastChanged, Unreadable = unreadable }, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}

/// <param name="Embeddings">With AI:Embeddings on: texts embedded so far of all, and whether that is complete; null without embeddings.</param>
public sealed record HealthStatus(string Status, int Documents, int Passages, EmbeddingProgress? Embeddings = null)
{
    /// <summary>When the index last changed (UTC): the start-up update or a live change of the library.</summary>
    public DateTimeOffset? LastIndexChange { get; init; }

    /// <summary>Files of the source folders skipped because they could not be read (the log and the CLI's <c>library</c> say why).</summary>
    public int Unreadable { get; init; }
}
