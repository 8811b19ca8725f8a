using CoalitionBot.Conversation;
using CoalitionBot.Slack.EventsApi;
using CoalitionBot.Slack.Handlers;
using CoalitionBot.Slack.WebApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Slack;

public static partial class SlackExtensions
{
    /// <summary>
    /// Slack, when Slack:BotToken is set: the Web API client, the dispatcher and its work queue,
    /// and Socket Mode (default) or the HTTP endpoints. Without a token it registers nothing but a
    /// line at start-up that says Slack is off.
    /// </summary>
    public static IHostApplicationBuilder AddSlack(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Slack");
        var settings = section.Get<SlackOptions>() ?? new SlackOptions();
        builder.Services.AddOptions<SlackOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        if (!settings.IsEnabled)
        {
            builder.Services.AddHostedService(sp => new StartupNotice(sp.GetRequiredService<ILogger<StartupNotice>>(), Notice.SlackOff));
            return builder;
        }
        if (settings.Mode == SlackMode.Socket && string.IsNullOrWhiteSpace(settings.AppToken))
        {
            if (!string.IsNullOrWhiteSpace(section["Mode"]))
            {
                throw new InvalidOperationException(
                    "Slack:Mode is Socket but Slack:AppToken is not set. Create an app-level token with the connections:write scope, or set Slack:Mode=Http and Slack:SigningSecret.");
            }
            // A bot token alone still lets the bot send (broadcasts, reminders, answers by API): run over HTTP and say so.
            settings.Mode = SlackMode.Http;
            builder.Services.PostConfigure<SlackOptions>(o => o.Mode = SlackMode.Http);
            builder.Services.AddHostedService(sp => new StartupNotice(sp.GetRequiredService<ILogger<StartupNotice>>(), Notice.SocketModeOff));
        }
        builder.Services.AddSlackWebApi();
        // A response_url is a credential in itself: keep it out of the HTTP client's request logs.
        builder.Services.AddHttpClient(nameof(SlackReplier)).RemoveAllLoggers();
        builder.Services.AddSingleton<SlackReplier>();
        builder.Services.AddSingleton<SlackDirectMessages>();
        builder.Services.AddSingleton<SlackIdentityCache>();
        builder.Services.AddSingleton<SlackQuestionAnswerer>();
        builder.Services.AddSingleton<SlackEventHandler>();
        builder.Services.AddSingleton<SlackCommandHandler>();
        builder.Services.AddSingleton<SlackInteractionHandler>();
        builder.Services.AddSingleton(sp => new SlackDispatcher(
            sp.GetRequiredService<SlackEventHandler>(),
            sp.GetRequiredService<SlackCommandHandler>(),
            sp.GetRequiredService<SlackInteractionHandler>()));
        builder.Services.AddSingleton<SlackWorkQueue>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SlackWorkQueue>());
        builder.Services.AddSingleton<SlackRequestVerifier>();
        builder.Services.AddSingleton<IReplySender, SlackReplySender>();
        builder.Services.AddSingleton<IAudienceDirectory, SlackAudienceDirectory>();
        builder.Services.AddSingleton<IMemberTimeZones, SlackMemberTimeZones>();
        if (settings.Mode == SlackMode.Socket)
        {
            builder.AddSlackSocketMode();
        }
        return builder;
    }

    /// <summary>The HTTP endpoints, mapped whenever Slack is on (Socket Mode apps never receive calls on them).</summary>
    public static WebApplication MapSlack(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<SlackOptions>>().Value.IsEnabled)
        {
            app.MapSlackEndpoints();
        }
        return app;
    }

    private enum Notice { SlackOff, SocketModeOff }

    /// <summary>One line at start-up that says what of Slack is off and which setting turns it on.</summary>
    private sealed partial class StartupNotice(ILogger<StartupNotice> logger, Notice notice) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (notice == Notice.SlackOff)
            {
                Log.SlackOff(logger);
            }
            else
            {
                Log.SocketModeOff(logger);
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        private static partial class Log
        {
            [LoggerMessage(LogLevel.Information, "Slack is off: set Slack:BotToken (and Slack:AppToken for Socket Mode) to connect it")]
            public static partial void SlackOff(ILogger logger);

            [LoggerMessage(LogLevel.Warning, "Slack:AppToken is not set, so Socket Mode is off: the bot sends to Slack, and receives only through /slack/events, /slack/commands and /slack/interactivity, which need Slack:SigningSecret")]
            public static partial void SocketModeOff(ILogger logger);
        }
    }
}
