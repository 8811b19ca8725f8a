using System.Net;
using CoalitionBot.Browser.Tests.Support;
using CoalitionBot.Host.Coordinators;
using Microsoft.Playwright;

namespace CoalitionBot.Browser.Tests;

/// <summary>Nothing of the workspace without a session; sign in, wrong password, lockout, sign out; antiforgery; headers.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class SignInTests(WorkspaceFixture workspace)
{
    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "/coordinators" },
        { "GET", "/coordinators/actions" },
        { "GET", "/coordinators/actions/new" },
        { "POST", "/coordinators/actions/new?handler=Create" },
        { "GET", "/coordinators/actions/act_0000000000" },
        { "GET", "/coordinators/actions/act_0000000000?handler=Csv" },
        { "POST", "/coordinators/actions/act_0000000000?handler=Close" },
        { "GET", "/coordinators/library" },
        { "POST", "/coordinators/library?handler=Upload" },
        { "POST", "/coordinators/library?handler=Remove" },
        { "GET", "/coordinators/questions" },
        { "GET", "/coordinators/questions?handler=Csv" },
        { "POST", "/coordinators/questions?handler=Answer" },
        { "GET", "/coordinators/onboarding" },
        { "GET", "/coordinators/sign-out" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EveryWorkspaceRouteWithoutASessionGoesToTheSignInPage(string method, string route)
    {
        using var client = workspace.Outsider();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), route));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/coordinators/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/actions")]
    [InlineData("/api/feedback")]
    [InlineData("/api/onboarding")]
    public async Task TheCoordinatorApiWithoutTheKeyIs401(string route)
    {
        using var client = workspace.Outsider();
        using var response = await client.GetAsync(route);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        client.DefaultRequestHeaders.Authorization = new("Bearer", WorkspaceFixture.AdminKey);
        using var withKey = await client.GetAsync(route);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
    }

    [Fact]
    public async Task AFormPostedWithoutTheAntiforgeryTokenIs400()
    {
        using var client = workspace.Outsider();
        using var response = await client.PostAsync("/coordinators/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = WorkspaceFixture.Coordinator,
            ["password"] = WorkspaceFixture.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith(CoordinatorAuth.CookieName, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task WrongPasswordIsRefusedTheRightOneSignsInAndSignOutEndsTheSession()
    {
        var page = await workspace.NewPageAsync();
        await page.GotoAsync("/coordinators/questions");
        Assert.Contains("/coordinators/sign-in", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("Name").FillAsync(WorkspaceFixture.Coordinator);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("do not match an account");
        await Screenshots.SaveAsync(page, "sign-in");

        await page.GetByLabel("Password").FillAsync(WorkspaceFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Back where the coordinator was going.
        await page.WaitForURLAsync("**/coordinators/questions");
        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == CoordinatorAuth.CookieName);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/coordinators/sign-in");
        await page.GotoAsync("/coordinators/actions");
        Assert.Contains("/coordinators/sign-in", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RepeatedWrongPasswordsLockTheNameEvenForTheRightPassword()
    {
        var page = await workspace.NewPageAsync();
        await page.GotoAsync("/coordinators/sign-in");
        for (var i = 0; i < 5; i++)
        {
            await page.GetByLabel("Name").FillAsync(WorkspaceFixture.LockedCoordinator);
            await page.GetByLabel("Password").FillAsync($"wrong-guess-{i}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        }
        await page.GetByLabel("Name").FillAsync(WorkspaceFixture.LockedCoordinator);
        await page.GetByLabel("Password").FillAsync(WorkspaceFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("locked");
        Assert.Contains("/coordinators/sign-in", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/coordinators/sign-in")]
    [InlineData("/api/ask")]
    public async Task EveryPageCarriesTheSecurityHeaders(string route)
    {
        using var client = workspace.Outsider();
        using var response = route == "/api/ask"
            ? await client.PostAsync(route, new StringContent("{\"question\":\"What can diaspora groups do in a crisis?\"}", System.Text.Encoding.UTF8, "application/json"))
            : await client.GetAsync(route);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
