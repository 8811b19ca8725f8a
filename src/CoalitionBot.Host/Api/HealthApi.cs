using CoalitionBot.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoalitionBot.Host.Api;

internal static class HealthApi
{
    /// <summary>GET /healthz: 200 with document and passage counts once the index is ready, 503 while it is being built.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", Results<Ok<HealthStatus>, JsonHttpResult<HealthStatus>> (KnowledgeIndex index) =>
        {
            var stats = index.Stats;
            return index.IsReady
                ? TypedResults.Ok(new HealthStatus("ready", stats.Documents, stats.Passages) { LastIndexChange = stats.LastChanged })
                : TypedResults.Json(new HealthStatus("indexing", stats.Documents, stats.Passages) { LastIndexChange = stats.LastChanged }, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}

public sealed record HealthStatus(string Status, int Documents, int Passages)
{
    /// <summary>When the index last changed (UTC): the start-up update or a live change of the library.</summary>
    public DateTimeOffset? LastIndexChange { get; init; }
}
