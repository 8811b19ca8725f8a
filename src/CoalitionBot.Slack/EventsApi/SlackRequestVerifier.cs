using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Slack.EventsApi;

/// <summary>
/// Slack's v0 request signature: HMAC-SHA256 of <c>v0:{timestamp}:{raw body}</c> with the signing
/// secret. Unlike SlackNet's check it refuses everything when no secret is set, compares in
/// constant time, and refuses timestamps outside the window (replays).
/// </summary>
public sealed class SlackRequestVerifier(IOptions<SlackOptions> options, TimeProvider time)
{
    public bool IsValid(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        var secret = options.Value.SigningSecret;
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(signature)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }
        var age = Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - seconds);
        if (age > options.Value.SignatureWindow.TotalSeconds)
        {
            return false;
        }
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var expected = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(signature));
    }
}
