using System.Text;
using CoalitionBot.Slack.EventsApi;
using CoalitionBot.Slack.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Slack.Tests;

public sealed class SlackRequestVerifierTests
{
    // The example from Slack's "Verifying requests from Slack" page.
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Timestamp = "1531420618";
    private const string SlackSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static SlackRequestVerifier Verifier(string? secret, DateTimeOffset now) =>
        new(Options.Create(new SlackOptions { SigningSecret = secret }), new FakeTimeProvider(now));

    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(Timestamp, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void SlacksOwnExampleIsValid() =>
        Assert.True(Verifier(Secret, SignedAt.AddSeconds(30)).IsValid(Timestamp, SlackSignature, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void ForgedSlackSignatureIsRejected() =>
        Assert.False(Verifier(Secret, SignedAt).IsValid(Timestamp, SlackSignature.Replace('a', 'b'), Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void ChangedBodyIsRejected() =>
        Assert.False(Verifier(Secret, SignedAt).IsValid(Timestamp, SlackSignature, Encoding.UTF8.GetBytes(Body + "&x=1")));

    [Fact]
    public void RequestOlderThanFiveMinutesIsRejected() =>
        Assert.False(Verifier(Secret, SignedAt.AddMinutes(6)).IsValid(Timestamp, SlackSignature, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void RequestFromTheFutureIsRejected() =>
        Assert.False(Verifier(Secret, SignedAt.AddMinutes(-6)).IsValid(Timestamp, SlackSignature, Encoding.UTF8.GetBytes(Body)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void WithoutASigningSecretEverythingIsRejected(string? secret) =>
        Assert.False(Verifier(secret, SignedAt).IsValid(Timestamp, SlackSignature, Encoding.UTF8.GetBytes(Body)));

    [Theory]
    [InlineData(null, SlackSignature)]
    [InlineData("not-a-number", SlackSignature)]
    [InlineData(Timestamp, null)]
    [InlineData(Timestamp, "")]
    public void MissingOrMalformedHeadersAreRejected(string? timestamp, string? signature) =>
        Assert.False(Verifier(Secret, SignedAt).IsValid(timestamp, signature, Encoding.UTF8.GetBytes(Body)));
}
