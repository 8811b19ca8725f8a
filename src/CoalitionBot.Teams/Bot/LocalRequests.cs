using System.Net;
using Microsoft.AspNetCore.Http;

namespace CoalitionBot.Teams.Bot;

/// <summary>
/// A request from this machine: a loopback peer that no proxy forwarded (a reverse proxy on the
/// same machine makes every request look local, so a forwarding header means "from elsewhere").
/// In-process test servers have no remote address at all: those are local too.
/// </summary>
internal static class LocalRequests
{
    public static bool IsLocal(HttpContext context) =>
        !context.Request.Headers.ContainsKey("X-Forwarded-For") && !context.Request.Headers.ContainsKey("Forwarded")
        && (context.Connection.RemoteIpAddress is not { } remote || IPAddress.IsLoopback(remote));
}
