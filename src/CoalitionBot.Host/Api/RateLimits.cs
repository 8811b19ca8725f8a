using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CoalitionBot.Host.Api;

/// <summary>
/// Questions per client (by address) on the public routes, /api/ask and /api/chat: past the limit,
/// 429 with Retry-After and a sentence saying when to try again. One person in the web chat never
/// comes near it; a script hammering the server does. Section <c>RateLimits</c>.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Questions one client may ask per <see cref="Window"/>; 0 turns the limit off (a load test on loopback).</summary>
    public int QuestionsPerWindow { get; set; } = 120;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

internal static class RateLimits
{
    public const string Questions = "questions";

    /// <summary>The coordinators' sign-in POST: Coordinators:SignInsPerMinute per client address, against password guessing.</summary>
    public const string SignIns = "sign-ins";

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        if (options.QuestionsPerWindow < 0 || options.Window <= TimeSpan.Zero)
        {
            throw new InvalidDataException("RateLimits:QuestionsPerWindow must be 0 (off) or more, and RateLimits:Window a positive time span such as 00:01:00.");
        }
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Questions, context => options.QuestionsPerWindow == 0
                ? RateLimitPartition.GetNoLimiter("off")
                : RateLimitPartition.GetFixedWindowLimiter(Client(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.QuestionsPerWindow,
                    Window = options.Window,
                    QueueLimit = 0,
                }));
            var signIns = builder.Configuration.GetValue<int?>("Coordinators:SignInsPerMinute") ?? 10;
            // On the sign-in page's POST only: showing the form costs nothing.
            limiter.AddPolicy(SignIns, context => !HttpMethods.IsPost(context.Request.Method) ? RateLimitPartition.GetNoLimiter("get") : RateLimitPartition.GetFixedWindowLimiter(Client(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, signIns),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : options.Window;
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var message = rejected.HttpContext.Request.Path.StartsWithSegments("/coordinators")
                    ? $"Too many sign-in attempts from here in a short time. Please wait {seconds} seconds and try again."
                    : $"Too many questions from here in a short time. Please wait {seconds} seconds and ask again.";
                await rejected.HttpContext.Response.WriteAsJsonAsync(new ErrorResponse(message), cancellationToken);
            };
        });
        return builder;
    }

    /// <summary>The client's address; in-process test servers have none, and share one partition.</summary>
    private static string Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "local";
}
