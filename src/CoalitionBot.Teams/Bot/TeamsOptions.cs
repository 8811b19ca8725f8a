namespace CoalitionBot.Teams.Bot;

/// <summary>
/// The Azure Bot registration, read from the <c>Teams</c> configuration section
/// (<c>Teams:MicrosoftAppId</c>, environment variable <c>Teams__MicrosoftAppId</c>), beside
/// <c>Slack:</c>. The key names are Bot Framework's own: the whole section is handed to
/// ConfigurationBotFrameworkAuthentication, so its other keys (ChannelService, OAuthUrl, …) work there too.
/// </summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary><c>MultiTenant</c> (the default when empty), <c>SingleTenant</c> or <c>UserAssignedMSI</c>.</summary>
    public string? MicrosoftAppType { get; set; }

    /// <summary>
    /// The Entra app (client) id of the Azure Bot, also the bot id in the Teams manifest. Empty (the
    /// default): authentication is off and /api/messages accepts unsigned activities, for local testing only.
    /// </summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The app's client secret; empty for <c>UserAssignedMSI</c>.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The Entra tenant id, needed for <c>SingleTenant</c> and <c>UserAssignedMSI</c>.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>
    /// Proactive calls (sends and 1:1 creations) per second to one tenant, all conversations together.
    /// Default 10, well under Teams' 50 requests a second per app and tenant; 0 turns the limit off.
    /// </summary>
    public double ProactiveCallsPerSecond { get; set; } = 10;

    /// <summary>
    /// The least time between two proactive sends into one conversation (1:1, chat or channel).
    /// Default 1 second: Teams allows 7 a second per conversation but only 60 per 30 seconds; zero turns it off.
    /// </summary>
    public TimeSpan ConversationSendInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Without an app id, /api/messages takes unsigned activities only from this machine (tests, the
    /// Agents Playground). True accepts them from anywhere, for a test deployment only: a warning is
    /// logged every minute while it is on.
    /// </summary>
    public bool AllowUnauthenticated { get; set; }

    /// <summary>
    /// With an app id: the hosts a serviceUrl may name before anything is sent there or stored, exact
    /// or "*.domain". Default: Bot Framework's public, GCC and government clouds.
    /// </summary>
    public List<string> AllowedServiceUrls { get; set; } = [];

    /// <summary>The list in force: the configured one, else Bot Framework's known hosts.</summary>
    public IReadOnlyList<string> ServiceUrlHosts => AllowedServiceUrls.Count > 0 ? AllowedServiceUrls : KnownServiceUrlHosts;

    public static readonly IReadOnlyList<string> KnownServiceUrlHosts =
    [
        "smba.trafficmanager.net", "*.botframework.com", "*.teams.microsoft.com", "*.botframework.azure.us", "*.teams.microsoft.us",
    ];

    public bool IsAuthenticated => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}
