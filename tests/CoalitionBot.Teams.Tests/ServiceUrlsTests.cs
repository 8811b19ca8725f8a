using CoalitionBot.Teams.Bot;

namespace CoalitionBot.Teams.Tests;

public sealed class ServiceUrlsTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", true)]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/", true)]
    [InlineData("https://webchat.botframework.com/", true)]
    [InlineData("https://botframework.com/", false)]                       // "*.domain" is a sub-domain, not the domain
    [InlineData("https://evilbotframework.com/", false)]
    [InlineData("https://smba.trafficmanager.net.evil.example/", false)]
    [InlineData("http://smba.trafficmanager.net/emea/", false)]            // replies carry the bot's token: https only
    [InlineData("https://user:pw@smba.trafficmanager.net/", false)]
    [InlineData("not a url", false)]
    [InlineData(null, false)]
    public void OnlyBotFrameworksHostsAreAllowedByDefault(string? serviceUrl, bool allowed) =>
        Assert.Equal(allowed, ServiceUrls.IsAllowed(serviceUrl, TeamsOptions.KnownServiceUrlHosts));
}
