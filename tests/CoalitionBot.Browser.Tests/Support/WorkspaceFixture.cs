using System.Net;
using CoalitionBot.Host.Coordinators;
using CoalitionBot.Slack.Tests.Support;
using CoalitionBot.Teams.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoalitionBot.Browser.Tests.Support;

/// <summary>
/// One real host on 127.0.0.1 (Kestrel, Program.cs) with Slack pointed at the fake Slack and Teams answering through
/// the fake Bot Connector, and one Chromium, shared by the browser tests (each test opens its own browser context,
/// so cookies never leak between tests).
/// </summary>
public sealed class WorkspaceFixture : IAsyncLifetime
{
    public const string Coordinator = "amina";
    public const string Password = "correct-horse-battery";
    public const string LockedCoordinator = "jonas";
    public const string AdminKey = "browser-tests-admin-key";
    public const long MaxUploadBytes = 200_000;

    private IPlaywright _playwright = null!;

    public FakeSlack Slack { get; private set; } = null!;
    public FakeBotConnector Teams { get; private set; } = null!;
    public SlackHost Host { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => Host.Services;

    public async Task InitializeAsync()
    {
        Slack = await FakeSlack.StartAsync();
        Teams = await FakeBotConnector.StartAsync();
        var hash = CoordinatorPassword.Hash(Password);
        Host = new SlackHost(Slack, settings: TeamsHost.Unpaced(new Dictionary<string, string>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Admin:ApiKey"] = AdminKey,
            ["Coordinators:Accounts:0:Name"] = Coordinator,
            ["Coordinators:Accounts:0:PasswordHash"] = hash,
            ["Coordinators:Accounts:1:Name"] = LockedCoordinator,
            ["Coordinators:Accounts:1:PasswordHash"] = hash,
            ["Coordinators:SignInsPerMinute"] = "1000",
            ["Coordinators:MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Reminders:PollInterval"] = "00:00:00.100",
        }));
        Host.UseKestrel();
        Host.StartServer();
        await Host.Services.GetRequiredService<Knowledge.KnowledgeIndex>().WhenReadyAsync(CancellationToken.None);
        await Slack.WaitForConnectionAsync();
        var address = Host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(BaseAddress.Host)), $"The host must listen on loopback only, not {BaseAddress}");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Path(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) at a phone-friendly but readable size.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1100, Height = 800 },
            TimezoneId = "Europe/Brussels",
            Locale = "en-GB",
        });
        return await context.NewPageAsync();
    }

    /// <summary>A page signed in as <see cref="Coordinator"/>, on the actions list.</summary>
    public async Task<IPage> SignedInPageAsync()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/coordinators/sign-in");
        await page.GetByLabel("Name").FillAsync(Coordinator);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/coordinators/actions");
        return page;
    }

    /// <summary>An HTTP client to the same host that keeps no cookies and follows no redirects: what an outsider sends.</summary>
    public HttpClient Outsider() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await Host.DisposeAsync();
        await Teams.DisposeAsync();
        await Slack.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class WorkspaceCollection : ICollectionFixture<WorkspaceFixture>
{
    public const string Name = "workspace";
}
