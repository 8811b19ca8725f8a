using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoalitionBot.Slack.WebApi;

internal static class WebApiExtensions
{
    /// <summary>
    /// The typed <see cref="SlackApiClient"/> (from IHttpClientFactory, so handlers are pooled and
    /// recycled) and the one <see cref="ChannelPacer"/> every client shares. Expects SlackOptions to be bound.
    /// </summary>
    internal static IServiceCollection AddSlackWebApi(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ChannelPacer>();
        services.AddHttpClient<SlackApiClient>();
        return services;
    }
}
