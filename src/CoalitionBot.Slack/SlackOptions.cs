using System.ComponentModel.DataAnnotations;

namespace CoalitionBot.Slack;

public enum SlackMode
{
    /// <summary>A WebSocket the app opens to Slack: needs the app-level token, no public URL.</summary>
    Socket,

    /// <summary>Slack POSTs to /slack/events, /slack/commands and /slack/interactivity: needs the signing secret.</summary>
    Http,
}

/// <summary>Slack settings (section <c>Slack</c>). With no bot token Slack is off.</summary>
public sealed class SlackOptions
{
    /// <summary>The bot token (<c>xoxb-…</c>) for the Web API. Empty: Slack is off.</summary>
    public string? BotToken { get; set; }

    /// <summary>The app-level token (<c>xapp-…</c>, scope connections:write) that opens Socket Mode.</summary>
    public string? AppToken { get; set; }

    /// <summary>The signing secret that HTTP requests from Slack are checked against.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Socket (default) or Http.</summary>
    public SlackMode Mode { get; set; } = SlackMode.Socket;

    /// <summary>Base address of the Web API. Default: <c>https://slack.com/api/</c>; tests point it at loopback.</summary>
    [Required]
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>How old a signed request may be. Default: 5 minutes, as Slack documents.</summary>
    public TimeSpan SignatureWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Smallest gap between two chat.postMessage calls to one channel. Default: 1 second (Slack's limit).</summary>
    public TimeSpan ChannelPostInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many times a call answered with HTTP 429 is retried after Retry-After. Default: 3.</summary>
    [Range(0, 20)]
    public int RateLimitRetries { get; set; } = 3;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(BotToken);
}
