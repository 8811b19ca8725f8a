using CoalitionBot.Onboarding;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoalitionBot.Host.Api;

internal static class OnboardingApi
{
    /// <summary>GET /api/onboarding: who started and completed which track, at which step, what they ticked (coordinator key).</summary>
    public static IEndpointRouteBuilder MapOnboardingApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/onboarding", async Task<Ok<IReadOnlyList<OnboardingReportRow>>> (OnboardingService onboarding, CancellationToken cancellationToken) =>
                TypedResults.Ok(await onboarding.ReportAsync(cancellationToken)))
            .AddEndpointFilter<AdminKey>();
        return app;
    }
}
