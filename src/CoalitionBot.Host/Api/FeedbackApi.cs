using CoalitionBot.Conversation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoalitionBot.Host.Api;

internal static class FeedbackApi
{
    /// <summary>GET /api/feedback[?helpful=false&amp;limit=100]: answers members rated, newest first (coordinator key).</summary>
    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/feedback", async Task<Ok<IReadOnlyList<FeedbackEntry>>> (FeedbackReport report, bool? helpful, int? limit, CancellationToken cancellationToken) =>
                TypedResults.Ok(await report.NewestAsync(limit ?? 100, helpful, cancellationToken)))
            .AddEndpointFilter<AdminKey>();
        return app;
    }

    public static WebApplicationBuilder AddAdminApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminOptions>().BindConfiguration("Admin");
        builder.Services.AddSingleton<AdminKey>();
        return builder;
    }
}
