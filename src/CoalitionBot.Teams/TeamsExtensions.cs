using CoalitionBot.Conversation;
using CoalitionBot.Teams.Bot;
using CoalitionBot.Teams.Connector;
using CoalitionBot.Teams.Conversations;
using CoalitionBot.Teams.Handlers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Teams;

public static partial class TeamsExtensions
{
    /// <summary>
    /// Teams through the Bot Framework: CloudAdapter with ConfigurationBotFrameworkAuthentication over
    /// the <c>Teams</c> section, and the activity handler. Always on: without Teams:MicrosoftAppId the
    /// endpoint accepts unauthenticated activities (local testing, the Agents Playground) and says so
    /// once at start-up.
    /// </summary>
    public static IHostApplicationBuilder AddTeams(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(TeamsOptions.Section);
        builder.Services.AddOptions<TeamsOptions>().Bind(section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton<BotFrameworkAuthentication>(services => new ConfigurationBotFrameworkAuthentication(
            section,
            httpClientFactory: services.GetRequiredService<IHttpClientFactory>(),
            logger: services.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()));
        builder.Services.AddSingleton<CoalitionAdapter>();
        builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(services => services.GetRequiredService<CoalitionAdapter>());
        builder.Services.AddSingleton<ConversationReferenceStore>();
        builder.Services.AddSingleton<TeamsReplier>();
        builder.Services.AddSingleton<TeamsPacer>();
        builder.Services.AddSingleton<ConnectorRetry>();
        builder.Services.AddSingleton<TeamsSender>();
        builder.Services.AddSingleton<IReplySender, TeamsReplySender>();
        builder.Services.AddSingleton<IAudienceDirectory, TeamsAudienceDirectory>();
        builder.Services.AddSingleton<IMemberTimeZones, TeamsMemberTimeZones>();
        builder.Services.AddSingleton<TeamsInteractions>();
        builder.Services.AddSingleton<TeamsCoordinatorReplies>();
        builder.Services.AddSingleton<TeamsWelcomes>();
        builder.Services.AddTransient<CoalitionActivityHandler>();
        builder.Services.AddHostedService<TeamsStartupNotice>();
        return builder;
    }

    /// <summary>POST /api/messages, where the Bot Connector delivers activities.</summary>
    public static WebApplication MapTeams(this WebApplication app)
    {
        app.MapPost("/api/messages", MessagesEndpoint.HandleAsync);
        return app;
    }

    /// <summary>Says at start-up how /api/messages authenticates; while it is open to unsigned activities from anywhere, says so every minute.</summary>
    private sealed partial class TeamsStartupNotice(IOptions<TeamsOptions> options, TimeProvider time, ILogger<TeamsStartupNotice> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            if (options.Value.IsAuthenticated)
            {
                Log.On(logger, options.Value.MicrosoftAppType is { Length: > 0 } type ? type : "MultiTenant");
                return;
            }
            if (!options.Value.AllowUnauthenticated)
            {
                Log.Unauthenticated(logger);
                return;
            }
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
            do
            {
                Log.OpenToAnyone(logger);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }

        private static partial class Log
        {
            [LoggerMessage(LogLevel.Information, "Teams is on at POST /api/messages ({AppType}); activities must carry a Bot Framework token")]
            public static partial void On(ILogger logger, string appType);

            [LoggerMessage(LogLevel.Warning, "Teams: Teams:MicrosoftAppId is not set, so POST /api/messages accepts unsigned activities from this machine only (local testing, the Agents Playground); set Teams:MicrosoftAppId and Teams:MicrosoftAppPassword from the Azure Bot registration to connect Teams")]
            public static partial void Unauthenticated(ILogger logger);

            [LoggerMessage(LogLevel.Warning, "Teams: Teams:AllowUnauthenticated is true: POST /api/messages accepts unsigned activities from anywhere, so anyone can sign on for any organisation or pose as a coordinator. For a test deployment only")]
            public static partial void OpenToAnyone(ILogger logger);
        }
    }
}
