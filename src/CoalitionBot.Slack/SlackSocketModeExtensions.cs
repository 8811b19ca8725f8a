using CoalitionBot.Slack.SocketMode;
using Microsoft.Extensions.Hosting;

namespace CoalitionBot.Slack;

internal static class SlackSocketModeExtensions
{
    /// <summary>Socket Mode: the client that opens the link, acks envelopes and hands them to the work queue.</summary>
    public static IHostApplicationBuilder AddSlackSocketMode(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSocketMode();
        return builder;
    }
}
