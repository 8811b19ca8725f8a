namespace CoalitionBot.Slack.SocketMode;

/// <summary>
/// The one seam around the Socket Mode link (as SlackNet's <c>IWebSocket</c>): text messages in and
/// out, nothing else Slack uses. One send and one receive may run at the same time.
/// </summary>
internal interface IWebSocket : IDisposable
{
    Task ConnectAsync(Uri url, CancellationToken cancellationToken);

    /// <summary>Sends one complete text message. Safe to call while <see cref="CloseAsync"/> runs.</summary>
    Task SendTextAsync(string text, CancellationToken cancellationToken);

    /// <summary>
    /// The next complete text message, its fragments joined; binary and oversized messages are
    /// skipped. Null once the peer has closed the link; a broken link throws.
    /// </summary>
    Task<string?> ReceiveTextAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Starts a close handshake and, if the peer does not answer within a short timeout, aborts:
    /// after a <c>disconnect</c> frame Slack often drops the TCP connection without answering. Never throws.
    /// </summary>
    Task CloseAsync(CancellationToken cancellationToken);
}
