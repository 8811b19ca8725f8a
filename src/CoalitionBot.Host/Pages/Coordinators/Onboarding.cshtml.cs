using CoalitionBot.Onboarding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoalitionBot.Host.Pages.Coordinators;

/// <summary>Who started which onboarding track, where they are, and who stalled (no step in 7 days).</summary>
public sealed class OnboardingModel(OnboardingService onboarding) : PageModel
{
    public IReadOnlyList<OnboardingReportRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await onboarding.ReportAsync(cancellationToken);
}
