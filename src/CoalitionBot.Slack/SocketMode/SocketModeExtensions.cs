using CoalitionBot.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoalitionBot.Slack.SocketMode;

internal static class SocketModeExtensions
{
    /// <summary>
    /// Socket Mode (options in section <c>Slack:SocketMode</c>): the <see cref="SocketModeClient"/> as a hosted
    /// service, with URLs from <see cref="SlackApiClient.OpenSocketConnectionAsync"/>, acks from
    /// <see cref="SlackDispatcher.Acknowledge"/> and work into the <see cref="SlackWorkQueue"/>.
    /// Expects the Web API, the dispatcher and the work queue to be registered (AddSlack does so).
    /// </summary>
    internal static IServiceCollection AddSocketMode(this IServiceCollection services)
    {
        services.AddOptions<SocketModeOptions>().BindConfiguration("Slack:SocketMode").ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWebSocketFactory, ClientWebSocketFactory>();
        // The typed client is resolved per call: IHttpClientFactory recycles its handler, a captured client would pin one.
        services.AddSingleton<SocketUrlSource>(sp => cancellationToken => sp.GetRequiredService<SlackApiClient>().OpenSocketConnectionAsync(cancellationToken));
        services.AddSingleton(sp => SocketModeInbox.For(sp.GetRequiredService<SlackDispatcher>(), sp.GetRequiredService<SlackWorkQueue>()));
        services.AddHostedService<SocketModeClient>();
        return services;
    }
}
