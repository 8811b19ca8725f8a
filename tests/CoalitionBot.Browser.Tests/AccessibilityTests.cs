using CoalitionBot.Browser.Tests.Support;
using Deque.AxeCore.Playwright;

namespace CoalitionBot.Browser.Tests;

/// <summary>axe on every workspace page: no serious or critical violation (labels, contrast, names, landmarks).</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class AccessibilityTests(WorkspaceFixture workspace)
{
    [Theory]
    [InlineData("/coordinators/actions", null)]
    [InlineData("/coordinators/actions/new", null)]
    [InlineData("/coordinators/library", null)]
    [InlineData("/coordinators/questions", null)]
    [InlineData("/coordinators/onboarding", "onboarding")]
    [InlineData("/coordinators/sign-in", null)]
    public async Task PageHasNoSeriousAccessibilityViolation(string route, string? screenshot)
    {
        var page = await workspace.SignedInPageAsync();
        await page.GotoAsync(route);
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}")));
        if (screenshot is not null)
        {
            await Screenshots.SaveAsync(page, screenshot);
        }
        await page.Context.CloseAsync();
    }
}
