using System.Net;
using CoalitionBot.Teams.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Teams.Tests.EndToEnd;

/// <summary>
/// /api/messages on a server that is public (for Slack, say): without Teams:MicrosoftAppId, unsigned
/// activities from anywhere but this machine are refused; with it, a serviceUrl that is not Bot
/// Framework's is refused before anything is sent there or stored.
/// </summary>
public sealed class ExposedEndpointTests
{
    private static readonly IPAddress Elsewhere = IPAddress.Parse("203.0.113.7");

    [Fact]
    public async Task AnUnsignedActivityFromAnotherMachineIs401AndChangesNothing()
    {
        await using var teams = await TeamsConversation.StartAsync(TeamsHost.Unpaced());
        var activity = TeamsActivities.PersonalMessage(teams.ServiceUrl, "What can diaspora groups do in a crisis?");

        var response = await teams.SendFromAsync(Elsewhere, activity);

        Assert.Equal(StatusCodes.Status401Unauthorized, response.Response.StatusCode);
        Assert.Empty(teams.Connector.Calls);
        await using var db = await teams.Db();
        Assert.Equal(0, await db.AnsweredQuestions.CountAsync());
    }

    [Fact]
    public async Task AProxiedRequestFromLoopbackCountsAsFromElsewhere()
    {
        await using var teams = await TeamsConversation.StartAsync(TeamsHost.Unpaced());
        var activity = TeamsActivities.PersonalMessage(teams.ServiceUrl, "What can diaspora groups do in a crisis?");

        var response = await teams.SendFromAsync(IPAddress.Loopback, activity, ("X-Forwarded-For", "203.0.113.7"));

        Assert.Equal(StatusCodes.Status401Unauthorized, response.Response.StatusCode);
        Assert.Empty(teams.Connector.Calls);
    }

    [Fact]
    public async Task FromThisMachineTheUnsignedActivityIsAnswered()
    {
        await using var teams = await TeamsConversation.StartAsync(TeamsHost.Unpaced());
        var activity = TeamsActivities.PersonalMessage(teams.ServiceUrl, "What can diaspora groups do in a crisis?");

        var response = await teams.SendFromAsync(IPAddress.Loopback, activity);

        Assert.Equal(StatusCodes.Status200OK, response.Response.StatusCode);
        Assert.Single(teams.Connector.Calls);
    }

    [Fact]
    public async Task AllowUnauthenticatedOpensItToAnyone()
    {
        await using var teams = await TeamsConversation.StartAsync(TeamsHost.Unpaced(new() { ["Teams:AllowUnauthenticated"] = "true" }));
        var activity = TeamsActivities.PersonalMessage(teams.ServiceUrl, "What can diaspora groups do in a crisis?");

        var response = await teams.SendFromAsync(Elsewhere, activity);

        Assert.Equal(StatusCodes.Status200OK, response.Response.StatusCode);
        Assert.Single(teams.Connector.Calls);
    }

    [Theory]
    [InlineData("https://attacker.example.com/")]
    [InlineData("https://smba.trafficmanager.net.attacker.example/")]
    [InlineData("http://smba.trafficmanager.net/emea/")]
    public async Task WithAnAppIdAServiceUrlThatIsNotBotFrameworksIsRefused(string serviceUrl)
    {
        await using var teams = await TeamsConversation.StartAsync(microsoftAppId: "00000000-0000-4000-8000-0000000000b0");
        var activity = TeamsActivities.PersonalMessage(serviceUrl, "What can diaspora groups do in a crisis?");

        var response = await teams.SendAsync(activity, "Bearer not-a-jwt");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = await teams.Db();
        Assert.Equal(0, await db.Set<CoalitionBot.Conversation.ConversationReferenceRecord>().CountAsync());
    }
}
