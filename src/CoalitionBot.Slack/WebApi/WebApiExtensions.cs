using CoalitionBot.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoalitionBot.Slack.WebApi;

internal static class WebApiExtensions
{
    /// <summary>
    /// The typed <see cref="SlackApiClient"/> from IHttpClientFactory and the one
    /// <see cref="ChannelPacer"/> every client shares. Expects SlackOptions to be bound.
    /// </summary>
    internal static IServiceCollection AddSlackWebApi(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SendPacer>();
        services.TryAddSingleton<ChannelPacer>();
        services.AddHttpClient<SlackApiClient>()
            // The Slack handlers are singletons and keep their client for the app's lifetime, so DNS
            // changes are picked up by recycling pooled connections rather than by handler rotation.
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(2))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        return services;
    }
}
