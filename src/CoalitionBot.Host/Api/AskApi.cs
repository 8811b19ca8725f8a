using CoalitionBot.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoalitionBot.Host.Api;

internal static class AskApi
{
    /// <summary>POST /api/ask { "question": "…" } → the answer JSON of architecture.md.</summary>
    public static IEndpointRouteBuilder MapAskApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/ask", async Task<Results<Ok<Answer>, BadRequest<ErrorResponse>>> (AskRequest request, AnswerService answers, CancellationToken cancellationToken) =>
        {
            if (answers.Problem(request.Question) is { } problem)
            {
                return TypedResults.BadRequest(new ErrorResponse(problem));
            }
            return TypedResults.Ok(await answers.AskAsync(request.Question!, cancellationToken));
        }).RequireRateLimiting(RateLimits.Questions);
        return app;
    }
}

public sealed record AskRequest(string? Question);
