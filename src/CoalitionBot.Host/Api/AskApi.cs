using CoalitionBot.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoalitionBot.Host.Api;

internal static class AskApi
{
    /// <summary>POST /api/ask { "question": "…" } → the answer JSON of architecture.md.</summary>
    public static IEndpointRouteBuilder MapAskApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/ask", async Task<Results<Ok<Answer>, BadRequest<ErrorResponse>>> (AskRequest request, AnswerService answers, KnowledgeIndex index, CancellationToken cancellationToken) =>
        {
            if (answers.Problem(request.Question) is { } problem)
            {
                return TypedResults.BadRequest(new ErrorResponse(problem));
            }
            var scope = request.Collections is { Length: > 0 } named ? LibraryScope.Of(named) : LibraryScope.Everything;
            if (!scope.IsEverything)
            {
                await index.WhenReadyAsync(cancellationToken);
                var known = index.Collections();
                if (scope.Collections!.FirstOrDefault(c => !known.Contains(c)) is { } unknown)
                {
                    return TypedResults.BadRequest(new ErrorResponse($"The library has no collection named \"{unknown}\". Its collections are: {string.Join(", ", known.Order(StringComparer.OrdinalIgnoreCase))}."));
                }
            }
            return TypedResults.Ok(await answers.AskAsync(request.Question!, null, scope, null, cancellationToken));
        }).RequireRateLimiting(RateLimits.Questions);
        return app;
    }
}

/// <param name="Collections">Optional: answer only from these collections (as a scoped Slack channel or Teams team would).</param>
public sealed record AskRequest(string? Question, string[]? Collections = null);
