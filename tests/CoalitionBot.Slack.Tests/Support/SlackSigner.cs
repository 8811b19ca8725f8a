using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace CoalitionBot.Slack.Tests.Support;

/// <summary>Signs requests as Slack does (v0, HMAC-SHA256 over "v0:timestamp:body").</summary>
public static class SlackSigner
{
    public static HttpRequestMessage Signed(string path, string body, string contentType, string secret, DateTimeOffset at, int? retryNum = null)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = Unsigned(path, body, contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", Signature(secret, timestamp, body));
        if (retryNum is { } retry)
        {
            request.Headers.Add("X-Slack-Retry-Num", retry.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }
        return request;
    }

    public static HttpRequestMessage Unsigned(string path, string body, string contentType) =>
        new(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType).MediaType!) };

    public static string Signature(string secret, string timestamp, string body) =>
        "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
}
