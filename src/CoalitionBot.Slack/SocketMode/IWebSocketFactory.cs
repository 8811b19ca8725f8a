namespace CoalitionBot.Slack.SocketMode;

/// <summary>Makes a fresh, unconnected <see cref="IWebSocket"/> for each Socket Mode connection.</summary>
internal interface IWebSocketFactory
{
    IWebSocket Create();
}
