using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;

namespace CoalitionBot.Host.Api;

/// <summary>
/// The one HTTP exception boundary. Minimal APIs answer a body they cannot bind with an empty
/// 400; making them throw lets this handler give the friendly <c>{ "error": "…" }</c> instead.
/// </summary>
internal static partial class HttpErrors
{
    private const string UnsupportedMediaType = "Send the request as JSON (Content-Type: application/json).";

    public static WebApplicationBuilder AddHttpErrors(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.WriteIndented = false);
        return builder;
    }

    public static WebApplication UseHttpErrors(this WebApplication app)
    {
        app.UseExceptionHandler(errors => errors.Run(async context =>
        {
            var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var (status, message) = exception switch
            {
                BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
                    (StatusCodes.Status415UnsupportedMediaType, UnsupportedMediaType),
                BadHttpRequestException bad =>
                    (bad.StatusCode, "The request body is not valid JSON of the expected shape, for example { \"question\": \"What can diaspora groups do in a crisis?\" }."),
                _ => (StatusCodes.Status500InternalServerError, "Something went wrong on our side. It has been logged; please try again."),
            };
            if (status >= 500)
            {
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("CoalitionBot.Host.HttpErrors");
                Log.Unhandled(logger, exception, context.Request.Path);
            }
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new ErrorResponse(message));
        }));
        // Errors that the framework answers without an exception (415, 404, 405) get a body too.
        app.UseStatusCodePages(async context =>
        {
            var response = context.HttpContext.Response;
            var message = response.StatusCode switch
            {
                StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
                StatusCodes.Status404NotFound => "There is nothing at this address. The API is POST /api/ask and GET /healthz.",
                StatusCodes.Status405MethodNotAllowed => "This address does not take that method; POST /api/ask takes a JSON question.",
                _ => "The request could not be handled.",
            };
            await response.WriteAsJsonAsync(new ErrorResponse(message));
        });
        return app;
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Error, "Request to {Path} failed")]
        public static partial void Unhandled(ILogger logger, Exception? exception, string path);
    }
}
