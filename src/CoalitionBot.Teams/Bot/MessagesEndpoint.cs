using CoalitionBot.Teams.Handlers;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CoalitionBot.Teams.Bot;

/// <summary>
/// POST /api/messages: refuses what is no activity (400, nothing sent), then hands the request to CloudAdapter,
/// which authenticates it and runs the turn. CloudAdapter answers a missing token with 401 but lets a malformed
/// token, or one it cannot check because Bot Framework's signing keys are out of reach, escape as an exception
/// (a 500); with authentication on, those are refusals too, so they become 401.
/// </summary>
internal static partial class MessagesEndpoint
{
    public static async Task HandleAsync(
        HttpContext context,
        IBotFrameworkHttpAdapter adapter,
        CoalitionActivityHandler bot,
        IOptions<TeamsOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var (request, response) = (context.Request, context.Response);
        // Read twice: once here to check the shape, once by the adapter.
        request.EnableBuffering();
        var teams = options.Value;
        if (!teams.IsAuthenticated && !teams.AllowUnauthenticated && !LocalRequests.IsLocal(context))
        {
            // Unsigned activities from elsewhere could sign on for any organisation or pose as a coordinator.
            Log.UnsignedFromElsewhere(loggers.CreateLogger(typeof(MessagesEndpoint)));
            response.StatusCode = StatusCodes.Status401Unauthorized;
            await response.WriteAsJsonAsync(new { error = "This bot takes unsigned activities only from its own machine. Set Teams:MicrosoftAppId and Teams:MicrosoftAppPassword to connect Teams." }, cancellationToken);
            return;
        }
        var (problem, serviceUrl) = await ActivityShape.ReadAsync(request.Body, cancellationToken);
        if (problem is not null)
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            await response.WriteAsJsonAsync(new { error = problem }, cancellationToken);
            return;
        }
        if (teams.IsAuthenticated && !ServiceUrls.IsAllowed(serviceUrl, teams.ServiceUrlHosts))
        {
            Log.ServiceUrlRefused(loggers.CreateLogger(typeof(MessagesEndpoint)), Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) ? uri.Host : "(not a URL)");
            response.StatusCode = StatusCodes.Status403Forbidden;
            await response.WriteAsJsonAsync(new { error = "The activity's serviceUrl is not a Bot Framework address (Teams:AllowedServiceUrls)." }, cancellationToken);
            return;
        }
        request.Body.Position = 0;
        try
        {
            await adapter.ProcessAsync(request, response, bot, cancellationToken);
        }
        catch (Exception e) when (options.Value.IsAuthenticated && !response.HasStarted && IsTokenRefusal(e))
        {
            var logger = loggers.CreateLogger(typeof(MessagesEndpoint));
            if (e is SecurityTokenException or SecurityTokenArgumentException)
            {
                Log.TokenRejected(logger, e.GetType().Name);
            }
            else
            {
                Log.KeysUnavailable(logger, e);
            }
            response.StatusCode = StatusCodes.Status401Unauthorized;
        }
    }

    /// <summary>
    /// A token that does not parse (SecurityTokenMalformedException is an ArgumentException) or validate, or a token we could not check because the OpenID metadata or
    /// signing keys could not be fetched (IdentityModel reports that as InvalidOperationException over an IOException).
    /// </summary>
    private static bool IsTokenRefusal(Exception e) =>
        e is SecurityTokenException or SecurityTokenArgumentException || (e is InvalidOperationException && e.InnerException is IOException);

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Warning, "Refused an unsigned activity at /api/messages with 401: it did not come from this machine and Teams:MicrosoftAppId is not set")]
        public static partial void UnsignedFromElsewhere(ILogger logger);

        [LoggerMessage(LogLevel.Warning, "Refused an activity at /api/messages with 403: its serviceUrl host {Host} is not in Teams:AllowedServiceUrls")]
        public static partial void ServiceUrlRefused(ILogger logger, string host);

        [LoggerMessage(LogLevel.Warning, "Refused an activity at /api/messages with 401: its token was rejected ({Reason})")]
        public static partial void TokenRejected(ILogger logger, string reason);

        [LoggerMessage(LogLevel.Error, "Refused an activity at /api/messages with 401: Bot Framework's signing keys could not be fetched to check its token")]
        public static partial void KeysUnavailable(ILogger logger, Exception exception);
    }
}
