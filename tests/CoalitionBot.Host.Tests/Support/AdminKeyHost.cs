using Microsoft.AspNetCore.Mvc.Testing;

namespace CoalitionBot.Host.Tests.Support;

/// <summary>
/// The host behind the coordinator API tests: the application with <see cref="CoalitionBotApplication.AdminKey"/> set,
/// indexed before a test reads answers from it. One per test, as the tests change the client's headers.
/// </summary>
public sealed class AdminKeyHost : IAsyncLifetime
{
    /// <summary>The application without the key, for what the API does when none is configured.</summary>
    public CoalitionBotApplication App { get; } = new();

    public WebApplicationFactory<Program> Host { get; private set; } = null!;

    public IServiceProvider Services => Host.Services;

    /// <summary>A client of <see cref="Host"/>, sending no key until a test sets one.</summary>
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = App.WithAdminKey();
        Client = await CoalitionBotApplication.ReadyClientAsync(Host);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await App.DisposeAsync();
    }
}
