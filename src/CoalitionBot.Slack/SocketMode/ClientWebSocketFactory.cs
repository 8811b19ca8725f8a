using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Slack.SocketMode;

/// <summary>Makes <see cref="ClientWebSocketAdapter"/>s with the keep-alive and close timeouts from <see cref="SocketModeOptions"/>.</summary>
internal sealed class ClientWebSocketFactory(IOptions<SocketModeOptions> options, TimeProvider time, ILogger<ClientWebSocketAdapter> logger) : IWebSocketFactory
{
    public IWebSocket Create() => new ClientWebSocketAdapter(options.Value, time, logger);
}
